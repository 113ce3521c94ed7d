package io.stent.operations;

import java.time.OffsetDateTime;

/**
 * One run of the retention job: where it ran and what it deleted.
 *
 * @param id its id
 * @param instance the worker id of the instance that ran it
 * @param jobExecution the Jakarta Batch job execution's id on that instance, or null
 * @param status RUNNING, COMPLETED, STOPPED (the job was stopped), FAILED (an error ended it) or
 *               INTERRUPTED (its server died; the next run went on with what was left)
 * @param executions executions deleted, children included
 * @param deadLetters dead letters deleted on their own
 * @param auditRows audit rows deleted (with the records of old retention runs)
 * @param cacheEntries expired cache entries deleted
 * @param batches transactions committed
 * @param error why it failed, or null
 * @param startedAt when it started (database clock)
 * @param updatedAt its last progress
 * @param finishedAt when it ended, or null
 */
public record RetentionRunView(String id, String instance, Long jobExecution, String status, long executions,
                               long deadLetters, long auditRows, long cacheEntries, long batches, String error,
                               OffsetDateTime startedAt, OffsetDateTime updatedAt, OffsetDateTime finishedAt) {
}
