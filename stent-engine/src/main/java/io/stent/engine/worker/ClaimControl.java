package io.stent.engine.worker;

import java.time.Duration;

/**
 * What the code that runs tasks tells the worker that claims them, and asks of it: whether it is
 * stopping (a task that fails then is released, not failed), and to hold claims back for a while
 * after a failure of the server or the infrastructure. Made before both, so neither has to be
 * handed the other.
 */
public final class ClaimControl {

    private volatile boolean stopping;
    /** Until when (System.nanoTime) claims are held back. */
    private volatile long pausedUntil = System.nanoTime();

    /**
     * @return true once the worker began to stop
     */
    public boolean isStopping() {
        return stopping;
    }

    /** The worker begins to stop. */
    void stop() {
        stopping = true;
    }

    /**
     * Holds claims back for a while; a later, longer pause extends it.
     *
     * @param duration how long
     */
    public void pauseClaims(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
    }

    /** Ends a pause of the claims at once. */
    public void resumeClaims() {
        pausedUntil = System.nanoTime();
    }

    /** @return how long claims are still held back, in nanoseconds; zero or less when they are not */
    long pauseLeftNanos() {
        return pausedUntil - System.nanoTime();
    }
}
