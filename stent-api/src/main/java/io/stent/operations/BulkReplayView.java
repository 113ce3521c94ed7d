package io.stent.operations;

import java.time.OffsetDateTime;

/**
 * A bulk replay of dead letters: its filter and where it stands.
 *
 * @param id its id
 * @param filter the dead letters it replays (replayed ones never again)
 * @param status RUNNING, STOPPING, STOPPED, COMPLETED or FAILED
 * @param total how many matched when it started
 * @param replayed how many it replayed
 * @param skipped how many it could not replay (their execution was no longer FAILED, or they were gone)
 * @param actor who started it
 * @param createdAt when it started
 * @param updatedAt its last progress
 * @param finishedAt when it ended, or null
 */
public record BulkReplayView(String id, DeadLetterFilter filter, String status, long total, long replayed,
                             long skipped, String actor, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                             OffsetDateTime finishedAt) {

    /**
     * @return how many of those that matched at the start are left to try
     */
    public long remaining() {
        return Math.max(0, total - replayed - skipped);
    }
}
