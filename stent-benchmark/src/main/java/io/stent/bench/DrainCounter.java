package io.stent.bench;

import io.stent.ExecutionInfo;
import io.stent.spi.ExecutionListener;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts W2's completed executions as Stent reports them, after their commit. */
@ApplicationScoped
public class DrainCounter implements ExecutionListener {

    private final AtomicInteger completed = new AtomicInteger();

    @Override
    public void taskFinished(ExecutionInfo info, String outcome, Throwable failure) {
        if ("bench.tiny".equals(info.function()) && "COMPLETED".equals(outcome)) {
            completed.incrementAndGet();
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
}
