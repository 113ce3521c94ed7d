package io.stent.engine.store;

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
        super("STENT-2213 step " + position + " of execution " + executionId + " was recorded by another worker"
                + " first; this attempt's transaction rolls back and the recorded outcome is replayed");
    }
}
