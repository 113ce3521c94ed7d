package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_schedule}: a recurring schedule, its definition and where it stands. */
@Entity
@Table(name = "stent_schedule")
public class ScheduleRow {

    @Id
    @Column(name = "name", length = 200, nullable = false)
    private String name;
    @Column(name = "function_name", length = 200, nullable = false)
    private String functionName;
    @Column(name = "function_version", nullable = false)
    private int functionVersion;
    @Column(name = "queue", length = 100, nullable = false)
    private String queue;
    @Column(name = "priority", nullable = false)
    private int priority;
    @Column(name = "tags")
    private String tags;
    @Column(name = "args", nullable = false)
    private String args;
    @Column(name = "cron", length = 200, nullable = false)
    private String cron;
    @Column(name = "zone", length = 64, nullable = false)
    private String zone;
    @Column(name = "overlap", length = 16, nullable = false)
    private String overlap;
    @Column(name = "catch_up", length = 16, nullable = false)
    private String catchUp;
    @Column(name = "catch_up_limit", nullable = false)
    private int catchUpLimit;
    @Column(name = "grace_ms", nullable = false)
    private long graceMillis;
    @Column(name = "declared", nullable = false)
    private boolean declared;
    @Column(name = "paused", nullable = false)
    private boolean paused;
    @Column(name = "next_fire_at", nullable = false)
    private OffsetDateTime nextFireAt;
    @Column(name = "buffered_fire_at")
    private OffsetDateTime bufferedFireAt;
    @Column(name = "last_fire_at")
    private OffsetDateTime lastFireAt;
    @Column(name = "last_execution_id", length = 36)
    private String lastExecutionId;
    @Column(name = "fires", nullable = false)
    private long fires;
    @Column(name = "dropped", nullable = false)
    private long dropped;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** For the persistence provider. */
    protected ScheduleRow() {
    }

    /** @return the schedule's name */
    public String name() {
        return name;
    }

    /** @return the function it starts */
    public String functionName() {
        return functionName;
    }

    /** @return the function version its executions start on */
    public int functionVersion() {
        return functionVersion;
    }

    /** @return the queue its executions start on */
    public String queue() {
        return queue;
    }

    /** @return its executions' priority */
    public int priority() {
        return priority;
    }

    /** @return the function's required tags, comma-separated, or null */
    public String tags() {
        return tags;
    }

    /** @return the cron expression */
    public String cron() {
        return cron;
    }

    /** @return the time zone id */
    public String zone() {
        return zone;
    }

    /** @return the overlap policy */
    public String overlap() {
        return overlap;
    }

    /** @return the catch-up policy */
    public String catchUp() {
        return catchUp;
    }

    /** @return whether an annotation declares it */
    public boolean declared() {
        return declared;
    }

    /** @return whether it is paused */
    public boolean paused() {
        return paused;
    }

    /** @return the next fire time */
    public OffsetDateTime nextFireAt() {
        return nextFireAt;
    }

    /** @return the fire time waiting for the previous execution, or null */
    public OffsetDateTime bufferedFireAt() {
        return bufferedFireAt;
    }

    /** @return the fire time of the last execution it started, or null */
    public OffsetDateTime lastFireAt() {
        return lastFireAt;
    }

    /** @return the last execution it started, or null */
    public String lastExecutionId() {
        return lastExecutionId;
    }

    /** @return how many executions it started */
    public long fires() {
        return fires;
    }

    /** @return how many fire times it dropped */
    public long dropped() {
        return dropped;
    }

    /** @return when it was made */
    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
