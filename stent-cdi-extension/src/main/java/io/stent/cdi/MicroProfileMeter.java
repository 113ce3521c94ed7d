package io.stent.cdi;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Stent's metrics in the application's MicroProfile {@link MetricRegistry}. Only loaded where the
 * Metrics API is present (see {@link StentMetrics} and {@link MetricsRegistryAccess}). The
 * registry's metric objects are looked up once per function and outcome, not per task.
 */
final class MicroProfileMeter implements StentMeter {

    static final String TASKS_STARTED = "stent.tasks.started";
    static final String TASKS_FINISHED = "stent.tasks.finished";
    static final String STEPS_DURATION = "stent.steps.duration";
    static final String CLAIMS_DURATION = "stent.claims.duration";
    static final String TASKS_DUE = "stent.tasks.due";
    static final String UNRUNNABLE = "stent.executions.unrunnable";
    static final String RETENTION_DELETED = "stent.retention.deleted";
    /** The due-task count is read from the database at most this often. */
    private static final long DUE_REFRESH_NANOS = Duration.ofSeconds(5).toNanos();

    private final MetricRegistry registry;
    private final Map<String, Counter> started = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Counter>> finished = new ConcurrentHashMap<>();
    private final Map<String, Timer> steps = new ConcurrentHashMap<>();
    private final Timer claims;
    private final Map<String, Counter> retention = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> unrunnable = new ConcurrentHashMap<>();

    /** The meter on {@code registry}, a {@link MetricRegistry}. */
    static StentMeter on(Object registry, LongSupplier dueTasks) {
        return new MicroProfileMeter((MetricRegistry) registry, dueTasks);
    }

    MicroProfileMeter(MetricRegistry registry, LongSupplier dueTasks) {
        this.registry = registry;
        this.claims = registry.timer(Metadata.builder().withName(CLAIMS_DURATION)
                .withDescription("How long one claim statement of this instance's worker took").build());
        CachedCount due = new CachedCount(dueTasks);
        registry.gauge(Metadata.builder().withName(TASKS_DUE).withUnit(MetricUnits.NONE)
                .withDescription("Tasks due and waiting for a worker, over all queues (read every 5 s at most)")
                .build(), due, CachedCount::get);
    }

    @Override
    public void taskStarted(String function) {
        Counter counter = started.get(function);
        if (counter == null) {
            counter = started.computeIfAbsent(function, name -> registry.counter(Metadata.builder()
                    .withName(TASKS_STARTED).withDescription("Tasks this instance's worker started").build(),
                    new Tag("function", name)));
        }
        counter.inc();
    }

    @Override
    public void taskFinished(String function, String outcome) {
        Map<String, Counter> byOutcome = finished.get(function);
        if (byOutcome == null) {
            byOutcome = finished.computeIfAbsent(function, name -> new ConcurrentHashMap<>());
        }
        Counter counter = byOutcome.get(outcome);
        if (counter == null) {
            counter = byOutcome.computeIfAbsent(outcome, name -> registry.counter(Metadata.builder()
                    .withName(TASKS_FINISHED).withDescription("Tasks this instance's worker ended, by outcome:"
                            + " COMPLETED, RETRY (an attempt failed and another follows), FAILED (dead-lettered),"
                            + " SUSPENDED, CANCELLED, EXPIRED").build(),
                    new Tag("function", function), new Tag("outcome", name)));
        }
        counter.inc();
    }

    @Override
    public void stepFinished(String function, long nanos) {
        Timer timer = steps.get(function);
        if (timer == null) {
            timer = steps.computeIfAbsent(function, name -> registry.timer(Metadata.builder()
                    .withName(STEPS_DURATION).withDescription("How long step attempts ran on this instance").build(),
                    new Tag("function", name)));
        }
        timer.update(Duration.ofNanos(nanos));
    }

    @Override
    public void claimed(long nanos) {
        claims.update(Duration.ofNanos(nanos));
    }

    @Override
    public void retentionDeleted(String kind, long count) {
        retention.computeIfAbsent(kind, name -> registry.counter(Metadata.builder().withName(RETENTION_DELETED)
                .withDescription("Rows the retention job deleted on this instance, by kind: executions (children"
                        + " included), dead-letters, audit-rows, cache-entries").build(), new Tag("kind", name)))
                .inc(count);
    }

    @Override
    public void unrunnable(Map<String, Long> byFunctionAndVersion) {
        byFunctionAndVersion.forEach((key, count) -> unrunnable.computeIfAbsent(key, this::unrunnableGauge).set(count));
        unrunnable.forEach((key, count) -> {
            if (!byFunctionAndVersion.containsKey(key)) {
                count.set(0);
            }
        });
    }

    private java.util.concurrent.atomic.AtomicLong unrunnableGauge(String key) {
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        int at = key.lastIndexOf('@');
        registry.gauge(Metadata.builder().withName(UNRUNNABLE).withUnit(MetricUnits.NONE)
                .withDescription("Executions waiting for a function and version that no live instance runs").build(),
                count, java.util.concurrent.atomic.AtomicLong::get, new Tag("function", key.substring(0, at)),
                new Tag("version", key.substring(at + 1)));
        return count;
    }

    /** A count read from the database at most every few seconds; a failed read keeps the last value. */
    private static final class CachedCount {
        private final LongSupplier read;
        private volatile long value;
        private volatile long readAt = System.nanoTime() - DUE_REFRESH_NANOS;

        CachedCount(LongSupplier read) {
            this.read = read;
        }

        synchronized long get() {
            if (System.nanoTime() - readAt >= DUE_REFRESH_NANOS) {
                readAt = System.nanoTime();
                try {
                    value = read.getAsLong();
                } catch (RuntimeException e) {
                    java.util.logging.Logger.getLogger(MicroProfileMeter.class.getName()).log(
                            java.util.logging.Level.WARNING, RuntimeMessages.DUE_GAUGE_FAILED.format(), e);
                }
            }
            return value;
        }
    }
}
