package io.stent.store;

import io.stent.operations.TaskHealth;
import io.stent.operations.TaskView;
import io.stent.store.model.TaskRow;
import io.stent.store.model.WorkerRow;

import java.time.Duration;
import java.time.OffsetDateTime;

/** Judges whether a task moves, from its row, its worker's row and the database's time. */
final class TaskHealthRule {

    /** A due task unclaimed this long has no instance to run it. */
    static final Duration OVERDUE = Duration.ofMinutes(1);

    private TaskHealthRule() {
    }

    static TaskHealth of(TaskRow task, WorkerRow owner, OffsetDateTime now) {
        if ("RUNNING".equals(task.status())) {
            if (task.leaseExpiresAt() != null && task.leaseExpiresAt().isBefore(now)) {
                return TaskHealth.LEASE_EXPIRED;
            }
            if (owner == null || owner.stoppedAt() != null) {
                return TaskHealth.OWNER_GONE;
            }
            if (owner.heartbeatAt().plusSeconds(TaskView.SILENCE_SECONDS).isBefore(now)) {
                return TaskHealth.OWNER_SILENT;
            }
            return TaskHealth.OK;
        }
        return "READY".equals(task.status()) && task.runAt().plus(OVERDUE).isBefore(now)
                ? TaskHealth.OVERDUE : TaskHealth.OK;
    }
}
