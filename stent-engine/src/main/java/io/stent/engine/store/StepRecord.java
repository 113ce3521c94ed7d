package io.stent.engine.store;

import java.time.OffsetDateTime;

/**
 * The recorded outcome of one durable call inside an execution, at {@code (parentPath, seq)}.
 *
 * @param executionId the execution
 * @param parentPath the parent's position, {@code ""} for calls made by the root
 * @param seq the sequence number under the parent, from 1
 * @param functionName the called function
 * @param status COMPLETED, FAILED or WAITING
 * @param arguments serialized arguments
 * @param output serialized result when completed, serialized error when failed
 * @param attempts how many attempts it took
 * @param durationMillis how long the final attempt took
 * @param wakeAt for a waiting record: when the wait ends (database clock); otherwise null
 */
public record StepRecord(String executionId, String parentPath, int seq, String functionName, StepStatus status,
                         String arguments, String output, int attempts, long durationMillis, OffsetDateTime wakeAt) {

    /**
     * A finished record, without a wake time.
     *
     * @param executionId the execution
     * @param parentPath the parent's position
     * @param seq the sequence number
     * @param functionName the function
     * @param status COMPLETED or FAILED
     * @param arguments serialized arguments
     * @param output the serialized result or error
     * @param attempts attempts
     * @param durationMillis duration of the last attempt
     * @return the record
     */
    public static StepRecord finished(String executionId, String parentPath, int seq, String functionName,
                                      StepStatus status, String arguments, String output, int attempts,
                                      long durationMillis) {
        return new StepRecord(executionId, parentPath, seq, functionName, status, arguments, output, attempts,
                durationMillis, null);
    }

    /**
     * The readable position, e.g. {@code 3} or {@code 2.1}.
     *
     * @return the position
     */
    public String position() {
        return parentPath.isEmpty() ? Integer.toString(seq) : parentPath + "." + seq;
    }
}
