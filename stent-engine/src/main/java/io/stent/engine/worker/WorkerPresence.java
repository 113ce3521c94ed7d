package io.stent.engine.worker;

import io.stent.engine.EngineMessages;
import io.stent.engine.StentLog;
import io.stent.engine.StopSignal;
import io.stent.engine.Wakeups;
import io.stent.engine.store.WorkerRecord;
import io.stent.engine.store.WorkerRegistry;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A worker's presence in the registry: it registers at start (taking back tasks an earlier life of
 * the same id still held), holds its session lock, records a sign of life every interval, and each
 * time looks for workers that went silent and are dead, by what the database or the host can tell
 * at once: a free session lock (PostgreSQL), a process gone from this host, or a stop that could
 * not release its tasks. Their tasks go back to the queue at once, without spending attempts. A
 * silent worker whose death cannot be told (another host, no session lock) keeps its tasks until
 * their leases expire.
 */
final class WorkerPresence {

    private static final Logger LOG = Logger.getLogger(WorkerPresence.class.getName());
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final long FORGET_EVERY_NANOS = Duration.ofMinutes(10).toNanos();

    private final WorkerRegistry registry;
    private final String workerId;
    private final Duration interval;
    private final Wakeups wakeups;
    private final ThreadFactory threads;
    private final HostIdentity host;
    private final java.util.Set<io.stent.engine.store.FunctionKey> functions;
    private volatile boolean running;
    private final StopSignal stop = new StopSignal();
    private Thread thread;
    private final io.stent.engine.WorkerRouting routing;
    private AutoCloseable sessionLock;
    private long lastFailureLog;
    /** Executions no live instance can run, counted every {@link #UNRUNNABLE_EVERY} rounds. */
    final UnrunnableWork unrunnable;
    private static final int UNRUNNABLE_EVERY = 40;

    WorkerPresence(WorkerRegistry registry, String workerId, java.util.Set<io.stent.engine.store.FunctionKey> functions,
                   io.stent.engine.WorkerRouting routing, Duration interval, boolean processChecks, Wakeups wakeups,
                   ThreadFactory threads) {
        this.functions = functions;
        this.routing = routing;
        this.unrunnable = new UnrunnableWork(registry);
        this.host = processChecks ? HostIdentity.current() : HostIdentity.unchecked();
        this.registry = registry;
        this.workerId = workerId;
        this.interval = interval;
        this.wakeups = wakeups;
        this.threads = threads;
    }

    synchronized void start() {
        long lockKey = new SecureRandom().nextLong();
        int earlier = registry.register(new WorkerRecord(workerId, host.value(), ProcessHandle.current().pid(),
                HostIdentity.processStart(), lockKey, null, null, functions, routing.queues(), routing.tags(),
                io.stent.engine.StentVersion.current()));
        if (earlier > 0) {
            LOG.info(() -> EngineMessages.EARLIER_LIFE_TAKEN_BACK.format(earlier, workerId));
            wakeups.workAvailable();
        }
        sessionLock = registry.holdSessionLock(lockKey, threads);
        running = true;
        thread = threads.newThread(this::loop);
        thread.setName("stent-presence-" + workerId);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long nextForget = System.nanoTime();
        int round = 0;
        while (stop.pause(interval)) {
            try {
                registry.beat(workerId);
                takeOverDeadWorkers();
                if (round++ % UNRUNNABLE_EVERY == 1) { // the second round: the other live workers have beaten by then
                    unrunnable.refresh();
                }
                if (System.nanoTime() - nextForget >= 0) {
                    registry.forgetOlderThan(FORGET_AFTER);
                    nextForget = System.nanoTime() + FORGET_EVERY_NANOS;
                }
            } catch (RuntimeException e) {
                long now = System.nanoTime();
                if (now - lastFailureLog > Duration.ofMinutes(1).toNanos()) {
                    lastFailureLog = now;
                    LOG.log(Level.WARNING, EngineMessages.REGISTRY_UNREACHABLE.format(), e);
                }
            }
        }
    }

    private void takeOverDeadWorkers() {
        for (WorkerRecord silent : registry.silentWithTasks(workerId, interval.multipliedBy(2))) {
            boolean processGone = host.processGone(silent);
            int recovered = registry.recoverIfDead(silent, silent.stoppedAt() != null || processGone);
            if (recovered >= 0) {
                OffsetDateTime lastSign = silent.heartbeatAt();
                String why = silent.stoppedAt() != null ? "it stopped without releasing them"
                        : processGone ? "its process is gone from this host" : "its database session is gone";
                LOG.info(() -> EngineMessages.DEAD_WORKER_TAKEN_OVER.format(silent.id(), why, recovered, lastSign));
                wakeups.workAvailable();
            }
        }
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stop.stop();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            registry.deregister(workerId);
        } catch (RuntimeException e) {
            StentLog.log(LOG, Level.WARNING, EngineMessages.MARK_STOPPED_FAILED.format(workerId), e);
        }
        try {
            sessionLock.close();
        } catch (Exception e) {
            StentLog.log(LOG, Level.WARNING, EngineMessages.SESSION_LOCK_RELEASE_FAILED.format(workerId), e);
        }
    }
}
