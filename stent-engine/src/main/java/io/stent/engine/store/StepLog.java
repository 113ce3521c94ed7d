package io.stent.engine.store;

import java.util.List;
import java.util.Optional;

/**
 * The progress log: the memo that makes replay work.
 */
public interface StepLog {

    /**
     * Reads the record at a position.
     *
     * @param executionId the execution
     * @param parentPath the parent position
     * @param seq the sequence number
     * @return the record, if the step finished before
     */
    Optional<StepRecord> find(String executionId, String parentPath, int seq);

    /**
     * Writes a record once: if another writer recorded the same position first, its record is
     * kept and returned.
     *
     * @param record the record
     * @return the record that is stored now
     */
    StepRecord record(StepRecord record);

    /**
     * All records of an execution, in step order.
     *
     * @param executionId the execution
     * @return the records
     */
    List<StepRecord> list(String executionId);
}
