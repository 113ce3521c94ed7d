package io.stent.engine.store;

import java.time.Duration;
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
     * @return the record, if the step finished or waits
     */
    Optional<StepRecord> find(String executionId, String parentPath, int seq);

    /**
     * Writes a finished record once: if another writer recorded the same position first, its
     * record is kept and returned.
     *
     * @param record the record
     * @return the record that is stored now
     */
    StepRecord record(StepRecord record);

    /**
     * Writes several finished records, each once as {@link #record} writes one; a store may write
     * them all in one statement and commit.
     *
     * @param records the records, of distinct positions
     * @return the record stored now for each position, in the order given
     */
    default List<StepRecord> recordAll(List<StepRecord> records) {
        return records.stream().map(this::record).toList();
    }

    /**
     * Writes a finished record in the transaction active on the current thread (a JTA
     * transaction the DataSource's connections enlist in), without committing: it commits, or
     * rolls back, with the step's own database work. The write is fenced: it locks the task of
     * the execution held by {@code leaseOwner} until the transaction ends, so no other worker can
     * take the task over before the commit.
     *
     * @param record the record
     * @param leaseOwner the worker that must still hold the execution's task, or null not to check
     * @return the record as stored
     * @throws LeaseLostException when {@code leaseOwner} no longer holds the task
     * @throws CheckpointTakenException when another worker recorded the position first
     */
    StepRecord recordInCurrentTransaction(StepRecord record, String leaseOwner);

    /**
     * Writes a waiting record that ends {@code wait} after now (database clock), unless the
     * position is recorded already.
     *
     * @param record the record, with status WAITING
     * @param wait how long the wait lasts
     * @return the record that is stored now, with its wake time
     */
    StepRecord recordWaiting(StepRecord record, Duration wait);

    /**
     * Ends a waiting record with an outcome; does nothing if it no longer waits.
     *
     * @param executionId the execution
     * @param parentPath the parent position
     * @param seq the sequence number
     * @param status COMPLETED or FAILED
     * @param output the serialized result or error
     * @return true if this call ended the wait
     */
    boolean resolve(String executionId, String parentPath, int seq, StepStatus status, String output);

    /**
     * All records of an execution, in step order.
     *
     * @param executionId the execution
     * @return the records
     */
    List<StepRecord> list(String executionId);
}
