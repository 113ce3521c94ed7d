package io.stent;

/**
 * The failure of a step attempt that ran longer than its {@link Durable#timeout()}. It counts as
 * a failed attempt and is retried like any other failure.
 */
public class StepTimeoutException extends StentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; also used to recreate a recorded timeout.
     *
     * @param message which step timed out and after how long
     */
    public StepTimeoutException(String message) {
        super(ApiMessages.STEP_TIMEOUT, message.startsWith(ApiMessages.STEP_TIMEOUT.code() + " ") ? message.substring(11) : message);
    }
}
