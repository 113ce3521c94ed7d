package io.stent;

/**
 * Thrown inside a workflow at its next durable call once its deadline passed, and to callers
 * waiting on an expired execution.
 */
public class ExecutionExpiredException extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param executionId the expired execution
     */
    public ExecutionExpiredException(String executionId) {
        super(ApiMessages.EXECUTION_EXPIRED, executionId);
    }
}
