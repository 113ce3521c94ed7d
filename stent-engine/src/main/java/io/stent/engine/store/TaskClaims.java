package io.stent.engine.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Claiming tasks and keeping their leases. Every due-ness and expiry decision uses the database
 * clock.
 */
public interface TaskClaims {

    /**
     * Atomically claims up to {@code limit} ready, due tasks of the given functions: no task is
     * ever claimed by two workers at once. Each claim increments the task's attempt.
     *
     * @param owner the claiming worker's id
     * @param functions the functions and versions this worker can run
     * @param limit the most tasks to claim
     * @param lease how long the claim holds without renewal
     * @return the claimed tasks
     */
    List<ClaimedTask> claim(String owner, Collection<FunctionKey> functions, int limit, Duration lease);

    /**
     * Claims up to {@code limit} tasks of a limited group: waits for the group's lock rows, then
     * claims no more than its concurrency and rate limits allow now (database clock).
     *
     * @param owner the claiming worker's id
     * @param group the group
     * @param limit the most tasks to claim
     * @param lease how long the claim holds without renewal
     * @return the claimed tasks
     */
    List<ClaimedTask> claimLimited(String owner, ClaimGroup group, int limit, Duration lease);

    /**
     * Extends the lease of every running task the owner holds.
     *
     * @param owner the worker id
     * @param lease the new lease length, from now (database clock)
     * @return how many leases were extended
     */
    int renewLeases(String owner, Duration lease);

    /**
     * Which of the given executions have a cancel request pending.
     *
     * @param executionIds executions this worker runs
     * @return the ones to cancel
     */
    java.util.Set<String> cancelRequested(Collection<String> executionIds);

    /**
     * Makes running tasks whose lease expired ready again: their worker is gone.
     *
     * @return how many tasks were recovered
     */
    int recoverExpiredLeases();

    /**
     * Gives a task back without counting its attempt (graceful shutdown).
     *
     * @param taskId the task
     * @param owner the worker that holds it
     * @return true if the worker still held it
     */
    boolean release(String taskId, String owner);

    /**
     * Checks that the database answers.
     *
     * @throws RuntimeException when it does not
     */
    void ping();
}
