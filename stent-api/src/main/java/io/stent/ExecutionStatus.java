package io.stent;

/**
 * The life-cycle states of an execution.
 *
 * <pre>PENDING → RUNNING → (SUSPENDED ↔ RUNNING) → COMPLETED | FAILED | CANCELLED | EXPIRED</pre>
 * with {@link #CANCELLING} between a cancel request and its effect.
 */
public enum ExecutionStatus {
    /** Persisted and waiting for a worker. */
    PENDING,
    /** Claimed by a worker and running. */
    RUNNING,
    /** Waiting for a timer, signal or child without holding a thread. */
    SUSPENDED,
    /** A cancel was requested and has not taken effect yet. */
    CANCELLING,
    /** Finished with a result. */
    COMPLETED,
    /** Finished with a failure after its retries were exhausted. */
    FAILED,
    /** Stopped by a cancel request. */
    CANCELLED,
    /** Stopped because its deadline passed. */
    EXPIRED;

    /**
     * Tells whether an execution in this state can change no more.
     *
     * @return true for COMPLETED, FAILED, CANCELLED and EXPIRED
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == EXPIRED;
    }
}
