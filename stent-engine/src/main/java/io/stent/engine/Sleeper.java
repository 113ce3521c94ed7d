package io.stent.engine;

import java.time.Duration;

/**
 * Waits between inline retry attempts; tests replace it to run without waiting.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the current thread. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
