package io.stent;

import java.time.Duration;

/**
 * Raised when an execution did not finish within the wait. The execution itself goes on; wait
 * again with {@link Stent#handle(String, Class)}.
 */
public class AwaitTimeoutException extends StentException {

    private static final long serialVersionUID = 1L;

    private final String executionId;

    /**
     * Creates the exception.
     *
     * @param executionId the execution waited on
     * @param waited how long the caller waited
     */
    public AwaitTimeoutException(String executionId, Duration waited) {
        super(ApiMessages.AWAIT_TIMEOUT, executionId, waited);
        this.executionId = executionId;
    }

    /**
     * The execution waited on.
     *
     * @return the id
     */
    public String executionId() {
        return executionId;
    }
}
