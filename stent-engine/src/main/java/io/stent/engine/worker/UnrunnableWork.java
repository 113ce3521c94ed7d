package io.stent.engine.worker;

import io.stent.engine.EngineMessages;
import io.stent.engine.store.FunctionKey;
import io.stent.engine.store.WorkerRecord;
import io.stent.engine.store.WorkerRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Executions that no live instance can run: their function, or the version they started on, is in
 * no deployed code (a version was removed too early, a function renamed, a deployment missing).
 * They would wait forever in silence; this counts them by function and version, logs when some
 * appear or are gone, and hands the counts to whoever reports them (readiness, metrics).
 */
final class UnrunnableWork {

    private static final Logger LOG = Logger.getLogger(UnrunnableWork.class.getName());
    /** A worker counts as live with a sign of life this recent. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(30);

    private final WorkerRegistry registry;
    private volatile Map<String, Long> counts = Map.of();
    private volatile Consumer<Map<String, Long>> watcher = counts -> { };

    UnrunnableWork(WorkerRegistry registry) {
        this.registry = registry;
    }

    /** Reads the counts again; logs the changes. */
    synchronized Map<String, Long> refresh() {
        var live = registry.liveFunctions(LIVE_WITHIN);
        Map<String, Long> now = new TreeMap<>();
        for (Map.Entry<FunctionKey, Long> waiting : registry.waitingByFunction().entrySet()) {
            if (!live.contains(waiting.getKey())) {
                now.put(WorkerRecord.keyText(waiting.getKey()), waiting.getValue());
            }
        }
        Map<String, Long> before = counts;
        now.forEach((key, count) -> {
            if (!before.containsKey(key)) {
                LOG.log(Level.WARNING, () -> EngineMessages.UNRUNNABLE.format(count, key));
            }
        });
        before.keySet().stream().filter(key -> !now.containsKey(key))
                .forEach(key -> LOG.info(() -> EngineMessages.RUNNABLE_AGAIN.format(
                key)));
        counts = Map.copyOf(now);
        watcher.accept(counts);
        return counts;
    }

    Map<String, Long> counts() {
        return counts;
    }

    void watch(Consumer<Map<String, Long>> watcher) {
        this.watcher = watcher;
    }
}
