package io.stent.engine.worker;

import java.util.concurrent.TimeUnit;

/**
 * A moving average of how long tasks' own code runs, to tell whether claiming ahead pays: for
 * short tasks a claim round trip is long, so a worker keeps tasks queued for its threads; for
 * long tasks that would only hold work back from other instances.
 */
final class TaskDurations {

    /** Below this average, tasks count as short. */
    static final long SHORT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final double WEIGHT = 0.1;

    /** Starts out long: nothing is claimed ahead until tasks have shown they are short. */
    private volatile double averageNanos = 2.0 * SHORT_NANOS;

    /**
     * Adds one task's duration (concurrent updates may lose one; the average stays an estimate).
     *
     * @param nanos how long its code ran
     */
    void add(long nanos) {
        averageNanos = averageNanos * (1 - WEIGHT) + nanos * WEIGHT;
    }

    /**
     * The recent average duration.
     *
     * @return nanoseconds
     */
    double averageNanos() {
        return averageNanos;
    }

    /**
     * Tells whether recent tasks were short.
     *
     * @return true if their average is under {@link #SHORT_NANOS}
     */
    boolean areShort() {
        return averageNanos < SHORT_NANOS;
    }
}
