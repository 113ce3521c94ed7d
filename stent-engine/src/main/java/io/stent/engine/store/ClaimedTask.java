package io.stent.engine.store;

import java.time.OffsetDateTime;

/**
 * A task a worker claimed, with what it needs to run it.
 *
 * @param id the task id
 * @param executionId its execution
 * @param functionName the function to run
 * @param functionVersion the version the execution started on
 * @param attempt this attempt's number, from 1
 * @param arguments the serialized arguments
 * @param claimedAt the database clock at the claim
 * @param deadlineAt the execution's deadline (database clock), or null
 * @param cancelRequested whether a cancel of the execution was requested
 * @param parentId the parent execution, for a child; otherwise null
 * @param firstRun whether this is the execution's first run ever, so nothing is recorded yet
 * @param requeues how often the task went back to the queue because the worker running it died
 * @param traceParent the W3C traceparent of the call that started the execution, or null
 */
public record ClaimedTask(String id, String executionId, String functionName, int functionVersion, int attempt,
                          String arguments,
                          OffsetDateTime claimedAt, OffsetDateTime deadlineAt, boolean cancelRequested,
                          String parentId, boolean firstRun, int requeues, String traceParent) {

    /**
     * A task of an execution started outside any trace.
     *
     * @param id the task id
     * @param executionId its execution
     * @param functionName the function to run
     * @param functionVersion the version the execution started on
     * @param attempt this attempt's number, from 1
     * @param arguments the serialized arguments
     * @param claimedAt the database clock at the claim
     * @param deadlineAt the execution's deadline (database clock), or null
     * @param cancelRequested whether a cancel of the execution was requested
     * @param parentId the parent execution, for a child; otherwise null
     * @param firstRun whether this is the execution's first run ever
     * @param requeues how often the task went back to the queue
     */
    public ClaimedTask(String id, String executionId, String functionName, int functionVersion, int attempt,
                       String arguments, OffsetDateTime claimedAt, OffsetDateTime deadlineAt, boolean cancelRequested,
                       String parentId, boolean firstRun, int requeues) {
        this(id, executionId, functionName, functionVersion, attempt, arguments, claimedAt, deadlineAt,
                cancelRequested, parentId, firstRun, requeues, null);
    }

    /**
     * A task that never went back to the queue.
     *
     * @param id the task id
     * @param executionId its execution
     * @param functionName the function to run
     * @param functionVersion the version the execution started on
     * @param attempt this attempt's number, from 1
     * @param arguments the serialized arguments
     * @param claimedAt the database clock at the claim
     * @param deadlineAt the execution's deadline (database clock), or null
     * @param cancelRequested whether a cancel of the execution was requested
     * @param parentId the parent execution, for a child; otherwise null
     * @param firstRun whether this is the execution's first run ever
     */
    public ClaimedTask(String id, String executionId, String functionName, int functionVersion, int attempt,
                       String arguments, OffsetDateTime claimedAt, OffsetDateTime deadlineAt, boolean cancelRequested,
                       String parentId, boolean firstRun) {
        this(id, executionId, functionName, functionVersion, attempt, arguments, claimedAt, deadlineAt,
                cancelRequested, parentId, firstRun, 0);
    }
}
