package io.stent;

/**
 * Raised when an execution id is not known to the database.
 */
public class ExecutionNotFoundException extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param executionId the unknown id
     */
    public ExecutionNotFoundException(String executionId) {
        super(ApiMessages.EXECUTION_NOT_FOUND, executionId);
    }
}
