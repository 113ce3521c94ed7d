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
 * @param functions the functions and versions it runs
 */
public record WorkerRecord(String id, String host, long pid, OffsetDateTime processStartedAt, long lockKey,
                           OffsetDateTime heartbeatAt, OffsetDateTime stoppedAt, java.util.Set<FunctionKey> functions) {

    /** Copies the functions. */
    public WorkerRecord {
        functions = functions == null ? java.util.Set.of() : java.util.Set.copyOf(functions);
    }

    /**
     * The functions as stored: {@code |name@version|name@version|}, so that a worker running a
     * function is found with {@code LIKE '%|name@version|%'}.
     *
     * @return the text
     */
    public String functionsText() {
        StringBuilder text = new StringBuilder("|");
        functions.stream().map(WorkerRecord::keyText).sorted().forEach(key -> text.append(key).append('|'));
        return text.toString();
    }

    /**
     * The stored form of one function key.
     *
     * @param key the key
     * @return {@code name@version}
     */
    public static String keyText(FunctionKey key) {
        return key.name() + "@" + key.version();
    }
}
