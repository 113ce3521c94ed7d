package io.stent.store.model;

import io.stent.operations.RetentionRunView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_retention_run}: one run of the retention job and what it deleted. */
@Entity
@Table(name = "stent_retention_run")
public class RetentionRunRow {

    /** The longest error text kept. */
    private static final int ERROR_LENGTH = 2000;

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;
    @Column(name = "instance", length = 200, nullable = false)
    private String instance;
    @Column(name = "job_execution")
    private Long jobExecution;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "executions", nullable = false)
    private long executions;
    @Column(name = "dead_letters", nullable = false)
    private long deadLetters;
    @Column(name = "audit_rows", nullable = false)
    private long auditRows;
    @Column(name = "cache_entries", nullable = false)
    private long cacheEntries;
    @Column(name = "batches", nullable = false)
    private long batches;
    @Column(name = "error", length = ERROR_LENGTH)
    private String error;
    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    /** For the persistence provider. */
    protected RetentionRunRow() {
    }

    /**
     * A run that starts now.
     *
     * @param id its id
     * @param instance the worker id of the instance that runs it
     * @param jobExecution its job execution's id, or null
     * @param now the database clock
     * @return the row
     */
    public static RetentionRunRow started(String id, String instance, Long jobExecution, OffsetDateTime now) {
        RetentionRunRow row = new RetentionRunRow();
        row.id = id;
        row.instance = instance;
        row.jobExecution = jobExecution;
        row.status = "RUNNING";
        row.startedAt = now;
        row.updatedAt = now;
        return row;
    }

    /** @return its status */
    public String status() {
        return status;
    }

    /**
     * Records what the run deleted so far.
     *
     * @param deletedExecutions executions, children included
     * @param deletedDeadLetters dead letters
     * @param deletedAudit audit rows
     * @param deletedCache cache entries
     * @param committed batches
     * @param now the database clock
     */
    public void progressed(long deletedExecutions, long deletedDeadLetters, long deletedAudit, long deletedCache,
                           long committed, OffsetDateTime now) {
        executions = deletedExecutions;
        deadLetters = deletedDeadLetters;
        auditRows = deletedAudit;
        cacheEntries = deletedCache;
        batches = committed;
        updatedAt = now;
    }

    /**
     * Ends the run.
     *
     * @param endStatus COMPLETED, STOPPED, FAILED or INTERRUPTED
     * @param why the error, or null
     * @param now the database clock
     */
    public void ended(String endStatus, String why, OffsetDateTime now) {
        status = endStatus;
        error = why == null || why.length() <= ERROR_LENGTH ? why : why.substring(0, ERROR_LENGTH);
        updatedAt = now;
        finishedAt = now;
    }

    /**
     * The view of a RUNNING run whose server is known to be gone, before the next run writes that down.
     *
     * @param why the reason shown
     * @return the view, INTERRUPTED
     */
    public RetentionRunView interruptedView(String why) {
        return new RetentionRunView(id, instance, jobExecution, "INTERRUPTED", executions, deadLetters, auditRows,
                cacheEntries, batches, why, startedAt, updatedAt, null);
    }

    /** @return the view of it */
    public RetentionRunView view() {
        return new RetentionRunView(id, instance, jobExecution, status, executions, deadLetters, auditRows,
                cacheEntries, batches, error, startedAt, updatedAt, finishedAt);
    }
}
