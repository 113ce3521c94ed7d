package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_step}: a recorded step (or wait) of an execution, replayed instead of run again. */
@Entity
@Table(name = "stent_step")
@IdClass(StepKey.class)
public class StepRow {

    @Id
    @Column(name = "execution_id", length = 36, nullable = false)
    private String executionId;
    @Id
    @Column(name = "parent_path", length = 200, nullable = false)
    private String parentPath;
    @Id
    @Column(name = "seq", nullable = false)
    private int seq;
    @Column(name = "function_name", length = 200, nullable = false)
    private String functionName;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "args")
    private String args;
    @Column(name = "output")
    private String output;
    @Column(name = "attempts", nullable = false)
    private int attempts;
    @Column(name = "duration_ms", nullable = false)
    private long durationMs;
    @Column(name = "finished_at", nullable = false)
    private OffsetDateTime finishedAt;
    @Column(name = "wake_at")
    private OffsetDateTime wakeAt;

    /** For the persistence provider. */
    protected StepRow() {
    }

    /** @return the execution */
    public String executionId() {
        return executionId;
    }

    /** @return the path of the enclosing call ("" at the top) */
    public String parentPath() {
        return parentPath;
    }

    /** @return the position in the enclosing call */
    public int seq() {
        return seq;
    }

    /** @return the step's function */
    public String functionName() {
        return functionName;
    }

    /** @return COMPLETED, FAILED or WAITING */
    public String status() {
        return status;
    }

    /** @return the serialized arguments */
    public String args() {
        return args;
    }

    /** @return the serialized result or error */
    public String output() {
        return output;
    }

    /** @return attempts the step took */
    public int attempts() {
        return attempts;
    }

    /** @return how long it ran */
    public long durationMs() {
        return durationMs;
    }

    /** @return when it was recorded */
    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    /** @return when a waiting step wakes, or null */
    public OffsetDateTime wakeAt() {
        return wakeAt;
    }
}
