package io.stent.operations;

import io.stent.ExecutionStatus;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An execution as a list shows it.
 *
 * @param id the execution id
 * @param function the root function
 * @param version the function version it runs on
 * @param status its status (RUNNING while a worker holds it)
 * @param queue the queue it was started on (null for executions that ended before schema version 14)
 * @param tags the tags its function requires of a worker, sorted
 * @param attempts attempts so far (the running attempt's number while one runs)
 * @param idempotencyKey the key it was started with, or null
 * @param parentId the parent of a child execution, or null
 * @param createdAt when it was created (database clock)
 * @param startedAt when its first attempt started, or null
 * @param finishedAt when it ended, or null
 * @param deadlineAt its deadline, or null
 * @param steps how many steps it has recorded
 * @param lastStep the function of the step it recorded last (done, failed or waiting), or null
 * @param errorClass for a failed execution, the exception's class, or null
 * @param errorMessage for a failed execution, the exception's message (cut to 500 characters), or null
 */
public record ExecutionSummary(String id, String function, int version, ExecutionStatus status, String queue,
                               List<String> tags, int attempts, String idempotencyKey, String parentId, OffsetDateTime createdAt,
                               OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime deadlineAt,
                               int steps, String lastStep, String errorClass, String errorMessage) {

    /** Copies the tags. */
    public ExecutionSummary {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Messages in a summary are cut to this many characters. */
    public static final int MESSAGE_CHARS = 500;
}
