package io.stent.store;

/** Waits before a reconnection; an interrupt ends the wait and is kept for the caller to see. */
final class Pause {

    private Pause() {
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
