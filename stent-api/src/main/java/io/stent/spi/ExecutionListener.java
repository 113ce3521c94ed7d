package io.stent.spi;

import io.stent.ExecutionInfo;

/**
 * Observes the running of executions, for tracing and metrics: a tracer opens a span in
 * {@link #stepStarted} and closes it in {@link #stepFinished}. Declare a CDI bean of this type;
 * every such bean is called, on the thread that runs the work. A listener that throws is logged
 * and never breaks the execution. Calls that replay a recorded result are not reported.
 */
public interface ExecutionListener {

    /**
     * A worker starts running a task (the workflow body from the top, replaying recorded steps).
     *
     * @param info the execution, task, function and attempt
     */
    default void taskStarted(ExecutionInfo info) {
    }

    /**
     * A task ended: completed, failed, retried later, suspended or cancelled. A completion is
     * reported as {@code COMPLETED} when its result is handed to the group commit that ends the
     * execution, before that commit; every other outcome after it is committed. (A cancel that
     * reaches the database first still ends the execution CANCELLED: read the execution's
     * status for its final state.)
     *
     * @param info the execution, task, function and attempt
     * @param outcome what happened, e.g. {@code COMPLETED}, {@code RETRY}, {@code SUSPENDED}
     * @param failure the failure, or null
     */
    default void taskFinished(ExecutionInfo info, String outcome, Throwable failure) {
    }

    /**
     * A step attempt starts running its body.
     *
     * @param info the execution, task, step function, attempt and position
     */
    default void stepStarted(ExecutionInfo info) {
    }

    /**
     * A step attempt ended.
     *
     * @param info the execution, task, step function, attempt and position
     * @param failure the failure, or null if it returned
     */
    default void stepFinished(ExecutionInfo info, Throwable failure) {
    }

    /**
     * A step's outcome (its result, or its failure once its retries are spent) is stored: from here
     * on a replay returns it without running the step again.
     *
     * @param info the execution, task, step function, attempt and position
     */
    default void stepRecorded(ExecutionInfo info) {
    }
}
