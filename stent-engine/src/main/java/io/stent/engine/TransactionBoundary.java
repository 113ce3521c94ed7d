package io.stent.engine;

import java.util.concurrent.Callable;

/**
 * Runs Stent's own database work outside any transaction of the caller, so that it commits on
 * its own (an execution must be visible to workers while its caller still waits). The CDI
 * runtime suspends an active JTA transaction; plain Java needs nothing.
 */
public interface TransactionBoundary {

    /** The boundary for environments without JTA. */
    TransactionBoundary NONE = new TransactionBoundary() {
        @Override
        public <T> T outsideTransaction(Callable<T> work) throws Exception {
            return work.call();
        }

        @Override
        public boolean inTransaction() {
            return false;
        }

        @Override
        public void afterCompletion(java.util.function.Consumer<Boolean> committed) {
            throw new IllegalStateException("no transaction to complete");
        }
    };

    /**
     * Calls back once the active transaction has ended.
     *
     * @param committed receives true if it committed, false if it rolled back
     */
    void afterCompletion(java.util.function.Consumer<Boolean> committed);

    /**
     * Runs Stent's own store work outside the caller's transaction, turning checked failures
     * into runtime ones (the store only fails with runtime exceptions).
     *
     * @param work the work
     * @param <T> its result type
     * @return its result
     */
    default <T> T outside(Callable<T> work) {
        return Unchecked.call(() -> outsideTransaction(work));
    }

    /**
     * Tells whether a transaction is active on the current thread, so that a step's checkpoint
     * can be written in it and commit together with the step's own database work.
     *
     * @return true inside an active transaction
     */
    boolean inTransaction();

    /**
     * Runs {@code work} with no transaction active on the thread.
     *
     * @param work the work
     * @param <T> its result type
     * @return its result
     * @throws Exception what it threw
     */
    <T> T outsideTransaction(Callable<T> work) throws Exception;

    /**
     * Rolls back a transaction that the code a worker thread ran left behind on it (a container
     * that failed halfway through an invocation, while it shuts down, may leave one open). Left
     * there, it would swallow Stent's next writes on the thread, and commit them together with
     * the failed attempt's own work.
     *
     * @return true if there was one to roll back
     */
    default boolean rollBackLeftover() {
        return false;
    }
}
