package io.stent;

/**
 * Raised when a signal is sent to, or a cancel requested of, an execution that has finished.
 */
public class ExecutionFinishedException extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param executionId the execution
     * @param what what was attempted, e.g. {@code "signal 'approved'"}
     */
    public ExecutionFinishedException(String executionId, String what) {
        super(ApiMessages.EXECUTION_FINISHED, what, executionId);
    }
}
