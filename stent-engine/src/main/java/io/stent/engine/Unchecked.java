package io.stent.engine;

import java.util.concurrent.Callable;

/**
 * Runs store work whose checked exceptions can only be runtime failures of the store.
 */
final class Unchecked {

    private Unchecked() {
    }

    static <T> T call(Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new io.stent.StentException(EngineMessages.DATABASE_FAILED, e, e);
        }
    }
}
