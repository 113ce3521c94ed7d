package io.stent.engine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wait after a failure of the server or the infrastructure: it doubles while such failures go
 * on, up to a cap, and falls back to the first wait once the application's code runs again.
 */
final class InfrastructureBackoff {

    private final long firstMillis;
    private final long maxMillis;
    private final AtomicLong nextMillis;

    InfrastructureBackoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = new AtomicLong(firstMillis);
    }

    /** The wait for this failure; the next one waits twice as long. */
    Duration next() {
        return Duration.ofMillis(nextMillis.getAndUpdate(current -> Math.min(current * 2, maxMillis)));
    }

    /** The infrastructure works again. */
    void reset() {
        nextMillis.set(firstMillis);
    }
}
