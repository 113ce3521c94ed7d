package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_audit}: one thing an operator did, with who, when, on what and its outcome. */
@Entity
@Table(name = "stent_audit")
public class AuditRow {

    @Id
    @Column(name = "id", length = 36, nullable = false)
    private String id;
    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;
    @Column(name = "actor", length = 255, nullable = false)
    private String actor;
    @Column(name = "operation", length = 64, nullable = false)
    private String operation;
    @Column(name = "targets")
    private String targets;
    @Column(name = "affected", nullable = false)
    private int affected;
    @Column(name = "outcome", length = 64, nullable = false)
    private String outcome;
    @Column(name = "detail")
    private String detail;

    /** For the persistence provider. */
    protected AuditRow() {
    }

    /**
     * A new audit row.
     *
     * @param id its id
     * @param occurredAt when it happened (database time)
     * @param actor who did it
     * @param operation what was done, e.g. {@code dead-letter.replay}
     * @param targets the ids it was done to, space-separated, or null
     * @param affected how many executions or dead letters it changed
     * @param outcome what came of it, e.g. {@code REPLAYED}
     * @param detail its parameters, or null
     */
    public AuditRow(String id, OffsetDateTime occurredAt, String actor, String operation, String targets,
                    int affected, String outcome, String detail) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.operation = operation;
        this.targets = targets;
        this.affected = affected;
        this.outcome = outcome;
        this.detail = detail;
    }

    /** @return the row's id */
    public String id() {
        return id;
    }

    /** @return when it happened */
    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    /** @return who did it */
    public String actor() {
        return actor;
    }

    /** @return what was done */
    public String operation() {
        return operation;
    }

    /** @return the ids it was done to, space-separated, or null */
    public String targets() {
        return targets;
    }

    /** @return how many executions or dead letters it changed */
    public int affected() {
        return affected;
    }

    /** @return what came of it */
    public String outcome() {
        return outcome;
    }

    /** @return its parameters, or null */
    public String detail() {
        return detail;
    }
}
