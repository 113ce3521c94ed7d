package io.stent.engine.store;

import io.stent.ExecutionStatus;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Finishing or parking a claimed root task. Each call checks that the worker still holds the
 * lease; when it does not (it was too slow and another worker took over), nothing is written and
 * false is returned.
 */
public interface TaskCompletion {

    /**
     * Ends the task and its execution, in one transaction. An execution whose cancel was
     * requested ends CANCELLED whatever {@code status} says.
     *
     * @param task the task
     * @param owner the worker id
     * @param status COMPLETED, FAILED, EXPIRED or CANCELLED
     * @param result the serialized result, or null
     * @param error the serialized error, or null
     * @return false if the lease was lost
     */
    boolean finish(ClaimedTask task, String owner, ExecutionStatus status, String result, String error);

    /**
     * A successful end of one task, for {@link #completeAll(java.util.List, String)}.
     *
     * @param task the task
     * @param result the serialized result
     */
    record Completion(ClaimedTask task, String result) {
    }

    /**
     * Completes several tasks and their executions in one transaction (group commit). Each is
     * fenced by its lease like {@link #finish}; an execution whose cancel is pending ends CANCELLED.
     *
     * @param completions the completions
     * @param owner the worker id
     * @return for each task this worker still held, and so ended, the status its execution ended
     *     in: COMPLETED, or CANCELLED when a cancel was pending
     */
    java.util.Map<String, ExecutionStatus> completeAll(java.util.List<Completion> completions, String owner);

    /**
     * Fails the task and its execution for good and puts the execution in the dead-letter queue,
     * in one transaction (or cancels it, if a cancel is pending: then no dead letter is written).
     *
     * @param task the task
     * @param owner the worker id
     * @param errorClass the failure's class name
     * @param errorMessage the failure's message, may be null
     * @param error the serialized structured error
     * @return false if the lease was lost
     */
    boolean failForGood(ClaimedTask task, String owner, String errorClass, String errorMessage, String error);

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

    /**
     * Gives the task back without spending its attempt, due again after {@code delay} (database
     * clock), and records on the execution why: the attempt was ended by the server or the
     * infrastructure (not ready, shutting down, database unreachable), not by the application.
     *
     * @param task the task
     * @param owner the worker id
     * @param delay the backoff
     * @param error the serialized error that ended the attempt
     * @return false if the lease was lost
     */
    boolean defer(ClaimedTask task, String owner, Duration delay, String error);

    /**
     * Parks the task until {@code wakeAt} without spending an attempt, and marks the execution
     * SUSPENDED: no thread and no lease are held while it waits.
     *
     * @param task the task
     * @param owner the worker id
     * If a cancel is pending, a signal named {@code awaitedSignal} is already waiting, or an
     * awaited child has finished, the task is due at once instead: checked under the execution's row lock, so a signal or
     * cancel that arrives while the task parks is never missed.
     *
     * @param wakeAt when the task becomes due again (database clock)
     * @param awaitedSignal the signal the workflow waits for, or null
     * @param awaitedChildren child executions the workflow waits for; if one has finished, the
     *                        task is due at once
     * @return false if the lease was lost
     */
    boolean suspend(ClaimedTask task, String owner, OffsetDateTime wakeAt, String awaitedSignal,
                    java.util.Collection<String> awaitedChildren);
}
