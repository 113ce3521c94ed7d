package io.stent.operations;

import java.time.OffsetDateTime;

/**
 * An execution that failed for good, as the dead-letter queue keeps it.
 *
 * @param id the dead letter's id
 * @param executionId the failed execution
 * @param function the execution's function
 * @param queue the queue its task ran on
 * @param errorClass the failure's class name
 * @param errorMessage the failure's message
 * @param error the structured error as JSON: class, message, stack trace, causes, suppressed, fields
 * @param attempts attempts made before it failed
 * @param failedAt when it failed (database clock)
 * @param replayedAt when it was last replayed, or null
 * @param replayCount how often it was replayed
 */
public record DeadLetter(String id, String executionId, String function, String queue, String errorClass,
                         String errorMessage, String error, int attempts, OffsetDateTime failedAt,
                         OffsetDateTime replayedAt, int replayCount) {
}
