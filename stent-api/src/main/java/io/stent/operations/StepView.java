package io.stent.operations;

import java.time.OffsetDateTime;

/**
 * A recorded step of an execution.
 *
 * @param parentPath the enclosing call's position, {@code ""} for calls the root made
 * @param seq the position under it, from 1
 * @param function the step's function
 * @param status COMPLETED, FAILED or WAITING
 * @param arguments its serialized arguments
 * @param output its serialized result, or its error when it failed
 * @param attempts how many attempts it took
 * @param durationMillis how long its last attempt took
 * @param finishedAt when it was recorded
 * @param wakeAt when a waiting step wakes, or null
 */
public record StepView(String parentPath, int seq, String function, String status, String arguments, String output,
                       int attempts, long durationMillis, OffsetDateTime finishedAt, OffsetDateTime wakeAt) {

    /**
     * The step's position as one path, e.g. {@code 2.1} for the first call inside the second.
     *
     * @return the position
     */
    public String position() {
        return parentPath.isEmpty() ? Integer.toString(seq) : parentPath + "." + seq;
    }
}
