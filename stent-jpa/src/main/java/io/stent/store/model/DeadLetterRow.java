package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_dead_letter}: an execution that failed for good, with its structured error. */
@Entity
@Table(name = "stent_dead_letter")
public class DeadLetterRow {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;
    @Column(name = "execution_id", length = 36, nullable = false)
    private String executionId;
    @Column(name = "function_name", length = 200, nullable = false)
    private String functionName;
    @Column(name = "queue", length = 100, nullable = false)
    private String queue;
    @Column(name = "error_class", length = 500, nullable = false)
    private String errorClass;
    @Column(name = "error_message")
    private String errorMessage;
    @Column(name = "error", nullable = false)
    private String error;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "failed_at", nullable = false)
    private OffsetDateTime failedAt;
    @Column(name = "replayed_at")
    private OffsetDateTime replayedAt;
    @Column(name = "replay_count", nullable = false)
    private int replayCount;

    /** For the persistence provider. */
    protected DeadLetterRow() {
    }

    /** @return the dead letter's id */
    public String id() {
        return id;
    }

    /** @return the failed execution */
    public String executionId() {
        return executionId;
    }

    /** @return the execution's function */
    public String functionName() {
        return functionName;
    }

    /** @return the queue its task ran on */
    public String queue() {
        return queue;
    }

    /** @return the failure's class name */
    public String errorClass() {
        return errorClass;
    }

    /** @return the failure's message */
    public String errorMessage() {
        return errorMessage;
    }

    /** @return the structured error as JSON */
    public String error() {
        return error;
    }

    /** @return attempts made before it failed */
    public int attempts() {
        return attempts;
    }

    /** @return when it failed */
    public OffsetDateTime failedAt() {
        return failedAt;
    }

    /** @return when it was last replayed, or null */
    public OffsetDateTime replayedAt() {
        return replayedAt;
    }

    /** @return how often it was replayed */
    public int replayCount() {
        return replayCount;
    }

    /**
     * Records a replay.
     *
     * @param now the database clock
     */
    public void replayed(OffsetDateTime now) {
        replayedAt = now;
        replayCount++;
    }
}
