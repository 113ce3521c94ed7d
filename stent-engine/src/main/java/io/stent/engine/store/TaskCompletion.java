package io.stent.engine.store;

import java.time.Duration;

/**
 * Finishing a claimed root task. Each call checks that the worker still holds the lease; when it
 * does not (it was too slow and another worker took over), nothing is written and false is
 * returned.
 */
public interface TaskCompletion {

    /**
     * Completes the task and its execution with a result, in one transaction.
     *
     * @param task the task
     * @param owner the worker id
     * @param result the serialized result
     * @return false if the lease was lost
     */
    boolean complete(ClaimedTask task, String owner, String result);

    /**
     * Fails the task and its execution for good, in one transaction.
     *
     * @param task the task
     * @param owner the worker id
     * @param error the serialized error
     * @return false if the lease was lost
     */
    boolean fail(ClaimedTask task, String owner, String error);

    /**
     * Makes the task ready again after {@code delay} (database clock) and records the error of
     * the failed attempt on the execution.
     *
     * @param task the task
     * @param owner the worker id
     * @param delay the backoff
     * @param error the serialized error of the failed attempt
     * @return false if the lease was lost
     */
    boolean retryLater(ClaimedTask task, String owner, Duration delay, String error);
}
