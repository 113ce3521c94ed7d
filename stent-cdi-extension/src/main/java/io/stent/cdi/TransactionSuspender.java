package io.stent.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Transactional;

import java.util.concurrent.Callable;

/**
 * Runs work with the caller's JTA transaction suspended, through the portable
 * {@code @Transactional(NOT_SUPPORTED)}. Used only where the server exposes no
 * {@code TransactionManager}, and then as a new (dependent) instance per call: the GlassFish and
 * Payara transactional interceptor keeps per-call state in a field of its instance, which
 * concurrent calls of a shared bean overwrite, leaving callers unable to use
 * {@code UserTransaction} ("Operation not allowed").
 */
@Dependent
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
