package io.stent.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process wake-ups: a start wakes this instance's idle worker at once, and a finish wakes
 * this instance's waiters at once. Other instances learn the same through polling.
 */
public final class Wakeups {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private boolean workPending;
    private final ConcurrentMap<String, CompletableFuture<Void>> finished = new ConcurrentHashMap<>();

    /** Signals that work may be ready. */
    public void workAvailable() {
        lock.lock();
        try {
            workPending = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until work is signalled or the timeout passes.
     *
     * @param timeout the longest wait
     * @throws InterruptedException if interrupted
     */
    public void awaitWork(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!workPending && nanos > 0) {
                nanos = work.awaitNanos(nanos);
            }
            workPending = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Signals that an execution finished (or changed state a waiter cares about).
     *
     * @param executionId the execution
     */
    public void executionFinished(String executionId) {
        CompletableFuture<Void> future = finished.remove(executionId);
        if (future != null) {
            future.complete(null);
        }
    }

    /**
     * Waits until {@link #executionFinished(String)} is called for the execution or the timeout
     * passes.
     *
     * @param executionId the execution
     * @param timeout the longest wait
     * @throws InterruptedException if interrupted
     */
    public void awaitFinish(String executionId, Duration timeout) throws InterruptedException {
        CompletableFuture<Void> future = finished.computeIfAbsent(executionId, id -> new CompletableFuture<>());
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // a timeout only means: look at the database again
        }
    }
}
