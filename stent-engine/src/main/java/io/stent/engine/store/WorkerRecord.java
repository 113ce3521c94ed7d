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
 * @param queues the queues it serves (empty: all of them)
 * @param tags the tags it offers to functions that require some
 * @param stentVersion the Stent version it runs, or null where unknown
 */
public record WorkerRecord(String id, String host, long pid, OffsetDateTime processStartedAt, long lockKey,
                           OffsetDateTime heartbeatAt, OffsetDateTime stoppedAt, java.util.Set<FunctionKey> functions,
                           java.util.Set<String> queues, java.util.Set<String> tags, String stentVersion) {

    /** Copies the sets. */
    public WorkerRecord {
        functions = functions == null ? java.util.Set.of() : java.util.Set.copyOf(functions);
        queues = queues == null ? java.util.Set.of() : java.util.Set.copyOf(queues);
        tags = tags == null ? java.util.Set.of() : java.util.Set.copyOf(tags);
    }

    /**
     * The served queues as stored: {@code *} for all, else the names sorted and comma-separated.
     *
     * @return the text
     */
    public String queuesText() {
        return queues.isEmpty() ? "*" : String.join(",", new java.util.TreeSet<>(queues));
    }

    /**
     * The offered tags as stored: sorted and comma-separated, null for none.
     *
     * @return the text, or null
     */
    public String tagsText() {
        return tags.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(tags));
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
