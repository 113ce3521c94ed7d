package io.stent.operations;

import java.time.OffsetDateTime;

/**
 * A task of an execution (its root run, a dispatched step, a timer or resumption): where it is,
 * who holds it, and whether it moves.
 *
 * @param id the task id
 * @param kind what it runs (root, step, resume ...)
 * @param function its function
 * @param status READY, RUNNING or a final state
 * @param queue its queue
 * @param runAt when it is or was due (its next retry, for a retried task)
 * @param attempt attempts spent
 * @param requeues how often it went back to the queue because its worker died
 * @param leaseOwner the worker that holds it, or null
 * @param leaseExpiresAt when that worker's lease ends, or null
 * @param ownerHeartbeatAt the holding worker's last sign of life, or null
 * @param health whether it moves
 */
public record TaskView(String id, String kind, String function, String status, String queue, OffsetDateTime runAt,
                       int attempt, int requeues, String leaseOwner, OffsetDateTime leaseExpiresAt,
                       OffsetDateTime ownerHeartbeatAt, TaskHealth health) {

    /** A worker silent this long is reported {@link TaskHealth#OWNER_SILENT}. */
    public static final int SILENCE_SECONDS = 10;
}
