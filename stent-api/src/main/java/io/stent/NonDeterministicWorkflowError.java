package io.stent;

/**
 * Raised when a replayed workflow makes a different durable call at a sequence number than the
 * one that was recorded: the workflow's code or its control flow changed under an execution in
 * flight. Durable calls must be made in a deterministic order.
 */
public class NonDeterministicWorkflowError extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error.
     *
     * @param executionId the execution being replayed
     * @param stepPath the step's position, e.g. {@code 3} or {@code 2.1}
     * @param recorded the function recorded at that position
     * @param replayed the function called now at that position
     */
    public NonDeterministicWorkflowError(String executionId, String stepPath, String recorded, String replayed) {
        super(ApiMessages.NON_DETERMINISTIC, executionId, recorded, stepPath, replayed);
    }

    /**
     * Recreates the error from its recorded message, when a caller reads a failed execution.
     *
     * @param recordedMessage the message as recorded, starting with its code
     */
    public NonDeterministicWorkflowError(String recordedMessage) {
        super(ApiMessages.NON_DETERMINISTIC.code(), recordedMessage.startsWith(ApiMessages.NON_DETERMINISTIC.code() + " ")
                ? recordedMessage.substring(ApiMessages.NON_DETERMINISTIC.code().length() + 1) : recordedMessage);
    }
}
