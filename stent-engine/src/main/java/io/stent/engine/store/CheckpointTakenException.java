package io.stent.engine.store;

import io.stent.engine.EngineMessages;
/**
 * Another worker recorded the same step first (it held the task before this one took it over).
 * The step's transaction must roll back, with its database work, and the recorded outcome be
 * replayed, so that the step takes effect once.
 */
public final class CheckpointTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param position the step's position
     * @param executionId the execution
     */
    public CheckpointTakenException(String position, String executionId) {
        super(EngineMessages.CHECKPOINT_TAKEN.format(position, executionId));
    }
}
