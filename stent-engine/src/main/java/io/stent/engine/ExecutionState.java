package io.stent.engine;

import io.stent.ExecutionCancelledException;
import io.stent.ExecutionExpiredException;

import java.time.OffsetDateTime;

/**
 * What one run of an execution knows about time and cancellation: the database clock at the
 * claim (advanced by the JVM's monotonic clock), the deadline, and whether a cancel arrived.
 * Shared by all durable contexts of the run.
 */
public final class ExecutionState {

    private final String executionId;
    private final OffsetDateTime claimedAt;
    private final long claimedNanos = System.nanoTime();
    private final OffsetDateTime deadline;
    private volatile boolean cancelRequested;
    private boolean cancelDelivered;
    private boolean firstRun;

    /**
     * Creates the state of a run.
     *
     * @param executionId the execution
     * @param claimedAt the database clock at the claim
     * @param deadline the deadline, or null
     * @param cancelRequested whether a cancel was requested before the claim
     */
    public ExecutionState(String executionId, OffsetDateTime claimedAt, OffsetDateTime deadline,
                          boolean cancelRequested) {
        this.executionId = executionId;
        this.claimedAt = claimedAt;
        this.deadline = deadline;
        this.cancelRequested = cancelRequested;
    }

    /**
     * Marks this run as the execution's first: nothing is recorded yet, so replay lookups can be
     * skipped.
     *
     * @return this state
     */
    public ExecutionState firstRun() {
        this.firstRun = true;
        return this;
    }

    /**
     * Tells whether the log may hold records for this execution (false on its first run).
     *
     * @return true if recorded positions must be looked up
     */
    public boolean mayHaveRecords() {
        return !firstRun;
    }

    /**
     * The database clock now, as far as this run can tell without asking.
     *
     * @return the estimated database time
     */
    public OffsetDateTime now() {
        return claimedAt.plusNanos(System.nanoTime() - claimedNanos);
    }

    /**
     * Tells whether the deadline passed.
     *
     * @return true past the deadline
     */
    public boolean pastDeadline() {
        return deadline != null && !now().isBefore(deadline);
    }

    /**
     * The deadline.
     *
     * @return the deadline, or null
     */
    public OffsetDateTime deadline() {
        return deadline;
    }

    /** Notes that a cancel was requested; the next new durable call throws. */
    public void requestCancel() {
        cancelRequested = true;
    }

    /**
     * Tells whether a cancel was requested.
     *
     * @return true once requested
     */
    public boolean cancelRequested() {
        return cancelRequested;
    }

    /**
     * Called before each new durable call: throws {@link ExecutionCancelledException} once after a
     * cancel request (later calls run, so the workflow can compensate), and
     * {@link ExecutionExpiredException} every time once the deadline passed.
     */
    void checkInterrupts() {
        if (cancelRequested && !cancelDelivered) {
            cancelDelivered = true;
            throw new ExecutionCancelledException(executionId);
        }
        if (pastDeadline()) {
            throw new ExecutionExpiredException(executionId);
        }
    }

    /**
     * The earlier of a wake time and the deadline, so a waiting execution wakes to expire.
     *
     * @param wakeAt the wake time
     * @return the time to wake at
     */
    OffsetDateTime wakeBefore(OffsetDateTime wakeAt) {
        return deadline != null && deadline.isBefore(wakeAt) ? deadline : wakeAt;
    }

    private volatile String leaseOwner;

    /**
     * Records the worker that holds the execution's task, so that transactional checkpoints are
     * fenced by its lease.
     *
     * @param owner the worker id
     */
    public void leasedTo(String owner) {
        this.leaseOwner = owner;
    }

    /**
     * The worker that holds the execution's task.
     *
     * @return the worker id, or null when not known
     */
    public String leaseOwner() {
        return leaseOwner;
    }
}
