package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_worker}: a worker that runs or ran, with its last sign of life. */
@Entity
@Table(name = "stent_worker")
public class WorkerRow {

    @Id
    @Column(name = "id", length = 200, nullable = false)
    private String id;
    @Column(name = "host", length = 255, nullable = false)
    private String host;
    @Column(name = "pid", nullable = false)
    private long pid;
    @Column(name = "process_started_at")
    private OffsetDateTime processStartedAt;
    @Column(name = "lock_key", nullable = false)
    private long lockKey;
    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;
    @Column(name = "heartbeat_at", nullable = false)
    private OffsetDateTime heartbeatAt;
    @Column(name = "stopped_at")
    private OffsetDateTime stoppedAt;
    @Column(name = "functions")
    private String functions;
    @Column(name = "queues")
    private String queues;
    @Column(name = "tags")
    private String tags;
    @Column(name = "stent_version", length = 64)
    private String stentVersion;

    /** For the persistence provider. */
    protected WorkerRow() {
    }

    /** @return the worker id */
    public String id() {
        return id;
    }

    /** @return its host name */
    public String host() {
        return host;
    }

    /** @return its process id */
    public long pid() {
        return pid;
    }

    /** @return when its process started, or null */
    public OffsetDateTime processStartedAt() {
        return processStartedAt;
    }

    /** @return its session lock's key */
    public long lockKey() {
        return lockKey;
    }

    /** @return when it started */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /** @return its last sign of life */
    public OffsetDateTime heartbeatAt() {
        return heartbeatAt;
    }

    /** @return when it stopped, or null while it runs */
    public OffsetDateTime stoppedAt() {
        return stoppedAt;
    }

    /** @return the functions it serves, as stored */
    public String functions() {
        return functions;
    }

    /** @return the queues it serves as stored: {@code *} for all, else comma-separated; null before V14 */
    public String queues() {
        return queues;
    }

    /** @return the tags it offers, comma-separated, or null for none */
    public String tags() {
        return tags;
    }

    /** @return the Stent version it runs, or null before schema version 14 */
    public String stentVersion() {
        return stentVersion;
    }
}
