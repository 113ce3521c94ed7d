package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A row of {@code stent_execution_tag}: one of the worker tags an execution's function requires,
 * written when the execution starts, so that operators find executions by tag through an index.
 * Functions without tags write none.
 */
@Entity
@Table(name = "stent_execution_tag")
@IdClass(ExecutionTagKey.class)
public class ExecutionTagRow {

    @Id
    @Column(name = "execution_id", length = 36, nullable = false)
    private String executionId;
    @Id
    @Column(name = "tag", length = 100, nullable = false)
    private String tag;

    /** For the persistence provider. */
    protected ExecutionTagRow() {
    }

    /** @return the execution */
    public String executionId() {
        return executionId;
    }

    /** @return the tag */
    public String tag() {
        return tag;
    }
}
