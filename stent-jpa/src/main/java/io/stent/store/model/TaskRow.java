package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A row of {@code stent_task}: the queue entry that makes a worker run (or resume) an execution.
 * READY tasks wait for {@code runAt}; a RUNNING one is leased to {@code leaseOwner}.
 */
@Entity
@Table(name = "stent_task")
public class TaskRow {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;
    @Column(name = "execution_id", length = 36, nullable = false)
    private String executionId;
    @Column(name = "kind", length = 16, nullable = false)
    private String kind;
    @Column(name = "function_name", length = 200, nullable = false)
    private String functionName;
    @Column(name = "function_version", nullable = false)
    private int functionVersion;
    @Column(name = "queue", length = 100, nullable = false)
    private String queue;
    @Column(name = "priority", nullable = false)
    private int priority;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "run_at", nullable = false)
    private OffsetDateTime runAt;
    @Column(name = "attempt", nullable = false)
    private int attempt;
    @Column(name = "requeues", nullable = false)
    private int requeues;
    @Column(name = "lease_owner", length = 200)
    private String leaseOwner;
    @Column(name = "lease_expires_at")
    private OffsetDateTime leaseExpiresAt;
    /** Counts claims: 1 after the first claim ever (not an optimistic-locking version). */
    @Column(name = "version", nullable = false)
    private int version;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** For the persistence provider. */
    protected TaskRow() {
    }

    /**
     * A root task, ready now, for an execution that runs again from its start (a replay).
     *
     * @param id the task id
     * @param execution the execution
     * @param queue the queue
     * @param now the database clock
     * @return the task
     */
    public static TaskRow readyRoot(String id, ExecutionRow execution, String queue, OffsetDateTime now) {
        TaskRow task = new TaskRow();
        task.id = id;
        task.executionId = execution.id();
        task.kind = "ROOT";
        task.functionName = execution.functionName();
        task.functionVersion = execution.functionVersion();
        task.queue = queue;
        task.status = "READY";
        task.runAt = now;
        task.version = 1;
        task.createdAt = now;
        return task;
    }

    /** @return the task id */
    public String id() {
        return id;
    }

    /** @return the execution it runs */
    public String executionId() {
        return executionId;
    }

    /** @return ROOT */
    public String kind() {
        return kind;
    }

    /** @return the function */
    public String functionName() {
        return functionName;
    }

    /** @return the function version it may run on */
    public int functionVersion() {
        return functionVersion;
    }

    /** @return the queue */
    public String queue() {
        return queue;
    }

    /** @return the priority (higher first) */
    public int priority() {
        return priority;
    }

    /** @return READY, RUNNING or SUSPENDED */
    public String status() {
        return status;
    }

    /** @return when it is due */
    public OffsetDateTime runAt() {
        return runAt;
    }

    /** @return the current attempt's number */
    public int attempt() {
        return attempt;
    }

    /** @return how often it went back to the queue because its worker died */
    public int requeues() {
        return requeues;
    }

    /** @return the worker holding its lease, or null */
    public String leaseOwner() {
        return leaseOwner;
    }

    /** @return when the lease ends, or null */
    public OffsetDateTime leaseExpiresAt() {
        return leaseExpiresAt;
    }

    /** @return the claim counter */
    public int version() {
        return version;
    }

    /** @return when it was created */
    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
