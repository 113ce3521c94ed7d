package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_signal}: a named message sent to an execution, consumed once by a wait. */
@Entity
@Table(name = "stent_signal")
public class SignalRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private long id;
    @Column(name = "execution_id", length = 36, nullable = false)
    private String executionId;
    @Column(name = "name", length = 200, nullable = false)
    private String name;
    @Column(name = "payload")
    private String payload;
    @Column(name = "consumed_by", length = 200)
    private String consumedBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** For the persistence provider. */
    protected SignalRow() {
    }

    /** @return the signal's number (sending order) */
    public long id() {
        return id;
    }

    /** @return the execution it was sent to */
    public String executionId() {
        return executionId;
    }

    /** @return its name */
    public String name() {
        return name;
    }

    /** @return the serialized payload */
    public String payload() {
        return payload;
    }

    /** @return the wait that consumed it, or null while pending */
    public String consumedBy() {
        return consumedBy;
    }

    /** @return when it was sent */
    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
