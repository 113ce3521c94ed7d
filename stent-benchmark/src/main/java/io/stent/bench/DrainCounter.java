package io.stent.bench;

import io.stent.ExecutionInfo;
import io.stent.spi.ExecutionListener;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts W2's completed executions as Stent reports them, after their commit. */
@ApplicationScoped
public class DrainCounter implements ExecutionListener {

    private final AtomicInteger completed = new AtomicInteger();
    private volatile int target = Integer.MAX_VALUE;
    private volatile Thread waiter;

    @Override
    public void taskFinished(ExecutionInfo info, String outcome, Throwable failure) {
        if ("bench.tiny".equals(info.function()) && "COMPLETED".equals(outcome)) {
            if (completed.incrementAndGet() == target) {
                java.util.concurrent.locks.LockSupport.unpark(waiter);
            }
        }
    }

    /**
     * How many W2 executions completed so far.
     *
     * @return the count
     */
    public int completed() {
        return completed.get();
    }

    /** Starts counting from zero. */
    public void reset() {
        completed.set(0);
    }

    /**
     * Waits, without polling, until {@code count} executions completed (or the deadline passed).
     *
     * @param count the number to wait for
     * @param deadlineNanos the {@link System#nanoTime()} to give up at
     */
    public void awaitCompleted(int count, long deadlineNanos) {
        waiter = Thread.currentThread();
        target = count;
        try {
            while (completed.get() < count && System.nanoTime() - deadlineNanos < 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(this, 100_000_000L);
            }
        } finally {
            target = Integer.MAX_VALUE;
            waiter = null;
        }
    }
}
