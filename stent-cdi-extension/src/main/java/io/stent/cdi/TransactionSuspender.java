package io.stent.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.concurrent.Callable;

/**
 * Runs Stent's own database work with the caller's JTA transaction suspended, so that it commits
 * at once and is visible to workers while the caller still waits.
 */
@ApplicationScoped
public class TransactionSuspender {

    /**
     * Runs work outside any transaction.
     *
     * @param work the work
     * @param <T> its result type
     * @return its result
     * @throws Exception what it threw
     */
    @Transactional(value = Transactional.TxType.NOT_SUPPORTED, dontRollbackOn = Exception.class)
    public <T> T outside(Callable<T> work) throws Exception {
        return work.call();
    }
}
