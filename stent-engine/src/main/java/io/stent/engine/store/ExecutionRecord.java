package io.stent.engine.store;

import io.stent.ExecutionStatus;

import java.time.OffsetDateTime;

/**
 * One execution as stored.
 *
 * @param id the id
 * @param functionName the root function
 * @param functionVersion the version it started on
 * @param status the status
 * @param arguments serialized arguments
 * @param result serialized result, when completed
 * @param error serialized {@link io.stent.engine.ErrorRecord}, when failed (or the last failed attempt)
 * @param attempts attempts of the root task so far
 * @param createdAt when it was started (database clock)
 * @param finishedAt when it finished (database clock), or null
 * @param parentId the parent execution of a child, or null
 */
public record ExecutionRecord(String id, String functionName, int functionVersion, ExecutionStatus status,
                              String arguments, String result, String error, int attempts,
                              OffsetDateTime createdAt, OffsetDateTime finishedAt, String parentId) {
}
