package io.stent.engine.store;

/**
 * The recorded outcome of one durable call inside an execution, at {@code (parentPath, seq)}.
 *
 * @param executionId the execution
 * @param parentPath the parent's position, {@code ""} for calls made by the root
 * @param seq the sequence number under the parent, from 1
 * @param functionName the called function
 * @param status COMPLETED or FAILED
 * @param arguments serialized arguments
 * @param output serialized result when completed, serialized error when failed
 * @param attempts how many attempts it took
 * @param durationMillis how long the final attempt took
 */
public record StepRecord(String executionId, String parentPath, int seq, String functionName, StepStatus status,
                         String arguments, String output, int attempts, long durationMillis) {
}
