package io.stent;

/**
 * Raised when waiting on an execution that failed, when its original exception cannot be
 * rethrown as it is (a checked exception the caller did not declare, or a class not present here).
 */
public class ExecutionFailedException extends StentException {

    private static final long serialVersionUID = 1L;

    private final String executionId;
    private final String errorClass;

    /**
     * Creates the exception.
     *
     * @param executionId the failed execution
     * @param errorClass the class name of the exception that failed it
     * @param errorMessage that exception's message
     * @param cause the reconstructed exception, if any
     */
    public ExecutionFailedException(String executionId, String errorClass, String errorMessage, Throwable cause) {
        super(ApiMessages.EXECUTION_FAILED, cause, executionId, errorClass, errorMessage);
        this.executionId = executionId;
        this.errorClass = errorClass;
    }

    /**
     * The failed execution's id.
     *
     * @return the id
     */
    public String executionId() {
        return executionId;
    }

    /**
     * The class name of the exception that failed the execution.
     *
     * @return the class name
     */
    public String errorClass() {
        return errorClass;
    }
}
