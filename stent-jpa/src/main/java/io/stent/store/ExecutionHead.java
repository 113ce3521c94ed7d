package io.stent.store;

import io.stent.store.model.ExecutionRow;

import java.time.OffsetDateTime;

/**
 * The columns of an execution that a list shows, read without its arguments, result and error.
 *
 * @param id the execution id
 * @param functionName the root function
 * @param functionVersion its version
 * @param status the stored status
 * @param attempts the stored attempt count
 * @param idempotencyKey its key, or null
 * @param parentId its parent, or null
 * @param createdAt when it was created
 * @param startedAt when it first started, or null
 * @param finishedAt when it ended, or null
 * @param deadlineAt its deadline, or null
 */
public record ExecutionHead(String id, String functionName, int functionVersion, String status, String queue,
                            int attempts,
                            String idempotencyKey, String parentId, OffsetDateTime createdAt,
                            OffsetDateTime startedAt, OffsetDateTime finishedAt, OffsetDateTime deadlineAt) {

    static ExecutionHead of(ExecutionRow row) {
        return new ExecutionHead(row.id(), row.functionName(), row.functionVersion(), row.status(), row.queue(),
                row.attempts(),
                row.idempotencyKey(), row.parentId(), row.createdAt(), row.startedAt(), row.finishedAt(),
                row.deadlineAt());
    }
}
