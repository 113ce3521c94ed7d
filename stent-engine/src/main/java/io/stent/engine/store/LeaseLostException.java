package io.stent.engine.store;

import io.stent.engine.EngineMessages;
/**
 * A worker tried to write a step's checkpoint for a task it no longer holds: another worker took
 * it over (this one was thought dead, or its lease expired). The write's transaction must roll
 * back, with the step's own database work, so that the step takes effect once.
 */
public final class LeaseLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param executionId the execution
     * @param owner the worker that lost its lease
     */
    public LeaseLostException(String executionId, String owner) {
        super(EngineMessages.LEASE_TAKEN_OVER.format(owner, executionId));
    }
}
