package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_schema_version}: one applied schema migration. */
@Entity
@Table(name = "stent_schema_version")
public class SchemaVersionRow {

    @Id
    @Column(name = "version", nullable = false)
    private int version;
    @Column(name = "description", length = 200, nullable = false)
    private String description;
    @Column(name = "applied_at", nullable = false)
    private OffsetDateTime appliedAt;

    /** For the persistence provider. */
    protected SchemaVersionRow() {
    }

    /** @return the version */
    public int version() {
        return version;
    }

    /** @return the migration's name */
    public String description() {
        return description;
    }

    /** @return when it was applied */
    public OffsetDateTime appliedAt() {
        return appliedAt;
    }
}
