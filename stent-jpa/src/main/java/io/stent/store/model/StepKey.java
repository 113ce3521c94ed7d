package io.stent.store.model;

import java.io.Serializable;
import java.util.Objects;

/** The key of a {@link StepRow}: the execution, the path of the enclosing call, and the position in it. */
public class StepKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String executionId;
    private String parentPath;
    private int seq;

    /** For the persistence provider. */
    public StepKey() {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StepKey key && seq == key.seq && Objects.equals(executionId, key.executionId)
                && Objects.equals(parentPath, key.parentPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(executionId, parentPath, seq);
    }
}
