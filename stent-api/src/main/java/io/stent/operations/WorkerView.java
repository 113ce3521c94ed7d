package io.stent.operations;

import java.time.OffsetDateTime;

/**
 * A worker that runs or ran.
 *
 * @param id the worker id
 * @param host its host
 * @param pid its process id
 * @param startedAt when it started
 * @param heartbeatAt its last sign of life
 * @param stoppedAt when it stopped, or null while it runs
 * @param functions the functions it serves, as stored
 * @param tasksInFlight the tasks it holds now
 * @param alive whether it runs and gave a sign of life in the last {@link TaskView#SILENCE_SECONDS}
 *              seconds (database clock)
 */
public record WorkerView(String id, String host, long pid, OffsetDateTime startedAt, OffsetDateTime heartbeatAt,
                         OffsetDateTime stoppedAt, String functions, long tasksInFlight, boolean alive) {
}
