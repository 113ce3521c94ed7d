package io.stent.operations;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A worker that runs or ran.
 *
 * @param id the worker id
 * @param host its host
 * @param pid its process id
 * @param stentVersion the Stent version it runs (null for workers registered before schema version 14)
 * @param startedAt when it started
 * @param heartbeatAt its last sign of life
 * @param stoppedAt when it stopped, or null while it runs
 * @param functions the functions it runs, as {@code name@version}, sorted
 * @param queues the queues it serves, sorted; empty when it serves every queue
 * @param tags the tags it offers to functions that require some, sorted
 * @param tasksInFlight the tasks it holds now
 * @param alive whether it runs and gave a sign of life in the last {@link TaskView#SILENCE_SECONDS}
 *              seconds (database clock)
 */
public record WorkerView(String id, String host, long pid, String stentVersion, OffsetDateTime startedAt,
                         OffsetDateTime heartbeatAt, OffsetDateTime stoppedAt, List<String> functions,
                         List<String> queues, List<String> tags, long tasksInFlight, boolean alive) {

    /** Copies the lists. */
    public WorkerView {
        functions = functions == null ? List.of() : List.copyOf(functions);
        queues = queues == null ? List.of() : List.copyOf(queues);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** @return whether it serves every queue */
    public boolean servesAllQueues() {
        return queues.isEmpty();
    }
}
