package io.stent.store.model;

import java.io.Serializable;
import java.util.Objects;

/** The key of an {@link ExecutionTagRow}: execution id and tag. */
public class ExecutionTagKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String executionId;
    private String tag;

    /** For the persistence provider. */
    public ExecutionTagKey() {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExecutionTagKey key && Objects.equals(executionId, key.executionId)
                && Objects.equals(tag, key.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(executionId, tag);
    }
}
