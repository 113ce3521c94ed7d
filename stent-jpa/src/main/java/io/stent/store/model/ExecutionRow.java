package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_execution}: one run of a durable function. */
@Entity
@Table(name = "stent_execution")
public class ExecutionRow {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;
    @Column(name = "function_name", length = 200, nullable = false)
    private String functionName;
    @Column(name = "function_version", nullable = false)
    private int functionVersion;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "args")
    private String args;
    @Column(name = "result")
    private String result;
    @Column(name = "error")
    private String error;
    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "started_at")
    private OffsetDateTime startedAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Column(name = "deadline_at")
    private OffsetDateTime deadlineAt;
    @Column(name = "trace_parent", length = 55)
    private String traceParent;
    @Column(name = "parent_id", length = 36)
    private String parentId;
    @Column(name = "parent_position", length = 200)
    private String parentPosition;
    @Column(name = "queue", length = 100)
    private String queue;
    @Column(name = "awaited", nullable = false)
    private boolean awaited;

    /** For the persistence provider. */
    protected ExecutionRow() {
    }

    /** @return the execution id */
    public String id() {
        return id;
    }

    /** @return the root function's name */
    public String functionName() {
        return functionName;
    }

    /** @return the root function's version */
    public int functionVersion() {
        return functionVersion;
    }

    /**
     * The status the row holds. A claim does not write the row: a PENDING or SUSPENDED execution
     * whose task is leased is running (see {@code TaskRow}).
     *
     * @return the stored status
     */
    public String status() {
        return status;
    }

    /** @return the serialized arguments */
    public String args() {
        return args;
    }

    /** @return the serialized result, or null */
    public String result() {
        return result;
    }

    /** @return the structured error as JSON, or null */
    public String error() {
        return error;
    }

    /** @return the idempotency key, or null */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** @return the attempts recorded when attempts ended */
    public int attempts() {
        return attempts;
    }

    /** @return when it was created (database clock) */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** @return when its first attempt started, or null */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /** @return when it ended, or null */
    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    /** @return when the row last changed */
    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    /** @return its deadline, or null */
    public OffsetDateTime deadlineAt() {
        return deadlineAt;
    }

    /** @return the W3C traceparent of the call that started it, or null */
    public String traceParent() {
        return traceParent;
    }

    /** @return the parent execution of a child, or null */
    public String parentId() {
        return parentId;
    }

    /** @return the call's position in the parent, or null */
    public String parentPosition() {
        return parentPosition;
    }

    /** @return the queue it was started on, or null for executions that ended before schema version 14 */
    public String queue() {
        return queue;
    }

    /** @return whether someone awaits its end */
    public boolean awaited() {
        return awaited;
    }

    /**
     * Makes a failed execution pending again, for a replay.
     *
     * @param now the database clock
     */
    public void resumeAfterFailure(OffsetDateTime now) {
        status = "PENDING";
        error = null;
        result = null;
        finishedAt = null;
        updatedAt = now;
    }
}
