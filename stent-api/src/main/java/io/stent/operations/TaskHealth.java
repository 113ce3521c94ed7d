package io.stent.operations;

/**
 * Whether a task moves, judged with the database's clock: what makes a stuck execution visible as
 * stuck rather than looking like a healthy one.
 */
public enum TaskHealth {
    /** Running on a live worker, or waiting for its time. */
    OK,
    /** Running, but its lease expired: its worker stopped renewing it; another worker takes it over. */
    LEASE_EXPIRED,
    /** Running on a worker that stopped, or is unknown: it is taken over when the lease expires. */
    OWNER_GONE,
    /** Running on a worker that gave no sign of life for {@link TaskView#SILENCE_SECONDS} seconds. */
    OWNER_SILENT,
    /** Due for over a minute and not claimed: no live instance serves its function, version or queue. */
    OVERDUE
}
