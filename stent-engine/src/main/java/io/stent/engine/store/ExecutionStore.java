package io.stent.engine.store;

import java.util.Optional;

/**
 * Creating and reading executions.
 */
public interface ExecutionStore {

    /**
     * Persists an execution and its ready root task in one transaction. When the idempotency key
     * is already taken, nothing is written and the existing execution's id is returned; likewise
     * for a child whose id exists already (its parent is replaying the start).
     *
     * @param execution the execution
     * @return the id of the execution that now owns the key (the new one, or the earlier one)
     */
    String create(NewExecution execution);

    /**
     * Persists an execution and its root task in the transaction active on the current thread (the
     * caller's JTA transaction, which the DataSource's connections enlist in), without committing:
     * the execution exists if and when that transaction commits (a transactional outbox). A taken
     * idempotency key returns the earlier execution, without failing the caller's transaction.
     *
     * @param execution the execution
     * @return the id of the execution that now owns the key (the new one, or the earlier one)
     */
    String createInCurrentTransaction(NewExecution execution);

    /**
     * Persists top-level executions (no parent) and their ready root tasks in one new transaction:
     * all of them or, on a failure, none. Each taken idempotency key returns the earlier
     * execution's id, as {@link #create} does; two of them with the same key make one execution.
     *
     * @param executions the executions, none with a parent
     * @return the id that owns each one's key, in the order given (the new one, or the earlier one)
     */
    java.util.List<String> createAll(java.util.List<NewExecution> executions);

    /**
     * {@link #createAll} in the transaction active on the current thread, as
     * {@link #createInCurrentTransaction} writes one: they exist if and when it commits.
     *
     * @param executions the executions, none with a parent
     * @return the id that owns each one's key, in the order given
     */
    java.util.List<String> createAllInCurrentTransaction(java.util.List<NewExecution> executions);

    /**
     * Persists an execution due at once with its root task already claimed by {@code owner}, in
     * one transaction: no other worker can claim it, and the caller runs it at once. Written
     * RUNNING with a first attempt and a lease, as a claim would leave it.
     *
     * @param execution the execution (its delay is ignored: it runs now)
     * @param owner the worker that runs it
     * @param lease how long the lease lasts before it must be renewed
     * @return the claimed task, or empty when the idempotency key is already taken (nothing is
     *     written; {@link #create} then finds the earlier execution)
     */
    Optional<ClaimedTask> createClaimed(NewExecution execution, String owner, java.time.Duration lease);

    /**
     * Reads an execution.
     *
     * @param id the id
     * @return the execution, if it exists
     */
    Optional<ExecutionRecord> find(String id);

    /**
     * Reads an execution and marks it awaited, so that its end is announced to waiters on every
     * instance (an execution nobody awaits ends without an announcement). Marking and reading are
     * one step: an end that the read does not show yet is announced.
     *
     * @param id the id
     * @return the execution, if it exists
     */
    Optional<ExecutionRecord> watch(String id);

    /**
     * Reads several executions.
     *
     * @param ids the ids
     * @return the ones that exist, in no particular order
     */
    java.util.List<ExecutionRecord> findAll(java.util.Collection<String> ids);

    /**
     * The children of an execution that have not finished.
     *
     * @param parentId the parent
     * @return their ids
     */
    java.util.List<String> activeChildren(String parentId);

    /** What a cancel request did. */
    enum CancelOutcome {
        /** It had not started running: it is CANCELLED and never runs. */
        CANCELLED,
        /** It is running or waiting: it is CANCELLING and stops at its next durable call. */
        CANCELLING,
        /** It was cancelled before. */
        ALREADY_CANCELLED,
        /** It has finished otherwise. */
        FINISHED,
        /** No such execution. */
        NOT_FOUND
    }

    /**
     * Requests the cancel of an execution, in one transaction: a pending one is cancelled at
     * once; a running or waiting one is marked CANCELLING and its task woken.
     *
     * @param id the execution
     * @return what the request did
     */
    CancelOutcome cancel(String id);
}
