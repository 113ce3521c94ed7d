package io.stent.engine;

import java.time.Duration;

/**
 * The wait after a failure of the server or the infrastructure. It doubles while such failures
 * keep coming after each wait, up to a cap; a burst of failures at once (every running task
 * losing its connection when the database restarts) counts as one. It falls back to the first
 * wait once the application's code runs again.
 */
final class InfrastructureBackoff {

    private final long firstNanos;
    private final long maxNanos;
    private long currentNanos;
    private long lastFailure = System.nanoTime() - Long.MAX_VALUE / 2;

    InfrastructureBackoff(Duration first, Duration max) {
        this.firstNanos = first.toNanos();
        this.maxNanos = max.toNanos();
        this.currentNanos = firstNanos;
    }

    /** The wait for this failure. */
    synchronized Duration next() {
        long now = System.nanoTime();
        if (now - lastFailure >= currentNanos) {
            // The last wait is over and the failures go on: wait longer this time.
            currentNanos = now - lastFailure < 2 * currentNanos + firstNanos
                    ? Math.min(currentNanos * 2, maxNanos) : firstNanos;
        }
        lastFailure = now;
        return Duration.ofNanos(currentNanos);
    }

    /** The infrastructure works again. */
    synchronized void reset() {
        currentNanos = firstNanos;
    }
}
