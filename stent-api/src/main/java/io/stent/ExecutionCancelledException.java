package io.stent;

/**
 * Thrown inside a workflow at its next durable call after a cancel was requested, so it can
 * compensate (its further durable calls run normally); and thrown to callers waiting on a
 * cancelled execution.
 */
public class ExecutionCancelledException extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param executionId the cancelled execution
     */
    public ExecutionCancelledException(String executionId) {
        super(ApiMessages.EXECUTION_CANCELLED, executionId);
    }
}
