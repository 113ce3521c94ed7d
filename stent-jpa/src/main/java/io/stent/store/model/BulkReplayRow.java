package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_bulk_replay}: a bulk replay of dead letters, its filter, cursor and progress. */
@Entity
@Table(name = "stent_bulk_replay")
public class BulkReplayRow {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;
    @Column(name = "function_name", length = 200)
    private String functionName;
    @Column(name = "queue", length = 100)
    private String queue;
    @Column(name = "error_class", length = 500)
    private String errorClass;
    @Column(name = "execution_id", length = 36)
    private String executionId;
    @Column(name = "failed_from")
    private OffsetDateTime failedFrom;
    @Column(name = "failed_before")
    private OffsetDateTime failedBefore;
    @Column(name = "status", length = 16, nullable = false)
    private String status;
    @Column(name = "total", nullable = false)
    private long total;
    @Column(name = "replayed", nullable = false)
    private long replayed;
    @Column(name = "skipped", nullable = false)
    private long skipped;
    @Column(name = "cursor_at")
    private OffsetDateTime cursorAt;
    @Column(name = "cursor_id", length = 36)
    private String cursorId;
    @Column(name = "actor", length = 255, nullable = false)
    private String actor;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    /** For the persistence provider. */
    protected BulkReplayRow() {
    }

    /**
     * A bulk replay that starts now.
     *
     * @param id its id
     * @param filter what it replays
     * @param total how many match now
     * @param actor who starts it
     * @param now the database clock
     * @return the row
     */
    public static BulkReplayRow started(String id, io.stent.operations.DeadLetterFilter filter, long total,
                                        String actor, OffsetDateTime now) {
        BulkReplayRow row = new BulkReplayRow();
        row.id = id;
        row.functionName = filter.function();
        row.queue = filter.queue();
        row.errorClass = filter.errorClass();
        row.executionId = filter.executionId();
        row.failedFrom = filter.failedFrom();
        row.failedBefore = filter.failedBefore();
        row.status = "RUNNING";
        row.total = total;
        row.actor = actor;
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    /** @return the filter it replays (pending dead letters only) */
    public io.stent.operations.DeadLetterFilter filter() {
        return new io.stent.operations.DeadLetterFilter(executionId, functionName, queue, errorClass, failedFrom,
                failedBefore, false);
    }

    /** @return its id */
    public String id() {
        return id;
    }

    /** @return its status */
    public String status() {
        return status;
    }

    /** @return the failure time of the last dead letter it tried, or null */
    public OffsetDateTime cursorAt() {
        return cursorAt;
    }

    /** @return the id of the last dead letter it tried, or null */
    public String cursorId() {
        return cursorId;
    }

    /**
     * Records a chunk.
     *
     * @param moreReplayed replayed in the chunk
     * @param moreSkipped skipped in the chunk
     * @param lastAt the failure time of the chunk's last dead letter
     * @param lastId its id
     * @param now the database clock
     */
    public void progressed(long moreReplayed, long moreSkipped, OffsetDateTime lastAt, String lastId,
                           OffsetDateTime now) {
        replayed += moreReplayed;
        skipped += moreSkipped;
        cursorAt = lastAt;
        cursorId = lastId;
        updatedAt = now;
    }

    /**
     * Moves it to a status; an end status records the end.
     *
     * @param wanted the status
     * @param now the database clock
     */
    public void moveTo(String wanted, OffsetDateTime now) {
        status = wanted;
        updatedAt = now;
        finishedAt = wanted.equals("RUNNING") || wanted.equals("STOPPING") ? null : now;
    }

    /** @return the view of it */
    public io.stent.operations.BulkReplayView view() {
        return new io.stent.operations.BulkReplayView(id, filter(), status, total, replayed, skipped, actor, createdAt,
                updatedAt, finishedAt);
    }
}
