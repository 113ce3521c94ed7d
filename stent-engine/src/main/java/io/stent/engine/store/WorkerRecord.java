package io.stent.engine.store;

import java.time.OffsetDateTime;

/**
 * A worker as registered in the database.
 *
 * @param id the worker id (the lease owner of the tasks it runs)
 * @param host where it runs: host name, boot and process namespace, so that two workers with the
 *     same {@code host} see each other's process ids
 * @param pid its process id
 * @param processStartedAt when its process started (tells a reused process id apart), or null
 * @param lockKey the key of the session lock it holds while alive (PostgreSQL)
 * @param heartbeatAt its last sign of life (database clock)
 * @param stoppedAt when it stopped, or null while it runs
 */
public record WorkerRecord(String id, String host, long pid, OffsetDateTime processStartedAt, long lockKey,
                           OffsetDateTime heartbeatAt, OffsetDateTime stoppedAt) {
}
