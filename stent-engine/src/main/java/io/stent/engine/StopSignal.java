package io.stent.engine;

import java.time.Duration;

/**
 * Lets a background loop pause between rounds and be told to stop without being interrupted. An
 * interrupt that lands while a thread writes to the embedded H2 database closes the database's
 * file for the whole JVM (a {@code ClosedByInterruptException} inside H2), so Stent never
 * interrupts its own threads that may be talking to the database.
 */
public final class StopSignal {

    private boolean stopped;

    /**
     * Waits for {@code pause} or until stopped.
     *
     * @param pause how long to wait
     * @return true if the loop should go on; false once stopped
     */
    public synchronized boolean pause(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        long left = pause.toNanos();
        while (!stopped && left > 0) {
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            left = until - System.nanoTime();
        }
        return !stopped;
    }

    /** Tells the loop to stop; a pause in progress ends at once. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /**
     * Tells whether {@link #stop()} was called.
     *
     * @return true once stopped
     */
    public synchronized boolean isStopped() {
        return stopped;
    }
}
