package io.stent.store.query;

import io.stent.operations.ExecutionSummary;
import io.stent.operations.ExecutionDetail;
import io.stent.operations.WorkerView;
import io.stent.operations.Page;
import io.stent.operations.PageRequest;
import io.stent.operations.StepView;
import io.stent.operations.ExecutionFilter;
import io.stent.operations.ExecutionSort;
import io.stent.operations.DeadLetterSort;
import io.stent.operations.AuditView;
import io.stent.operations.DeadLetter;
import io.stent.operations.DeadLetterFilter;

import java.util.List;
import java.util.Optional;

/**
 * What operators ask of the store. Reads only; the dead-letter queue's actions are on
 * {@link io.stent.store.DeadLetters}.
 */
public interface StoreQueries {

    /**
     * A page of executions.
     *
     * @param filter which ones
     * @param sort what they are sorted by
     * @param page which page, and the direction
     * @return the page
     */
    Page<ExecutionSummary> executions(ExecutionFilter filter, ExecutionSort sort, PageRequest page);

    /**
     * Every execution a filter matches, oldest first, whole (values, errors and every step), read
     * in pages by creation time and id, so that an export of millions holds one page in memory.
     *
     * @param filter which ones (without a search budget: an export reads what it must)
     * @param each given each execution in turn
     */
    void export(ExecutionFilter filter, java.util.function.Consumer<io.stent.operations.ExecutionExport> each);

    /**
     * One execution with its steps.
     *
     * @param id the execution id
     * @return the execution, if it exists
     */
    Optional<ExecutionDetail> execution(String id);

    /**
     * The overview of the last day, the queues, dead letters and workers.
     *
     * @return the overview
     */
    io.stent.operations.Overview overview();

    /**
     * A page of an execution's recorded steps, in the order they were recorded ({@code ascending}
     * in the page request: oldest first).
     *
     * @param executionId the execution
     * @param page the page
     * @return the page
     */
    Page<StepView> steps(String executionId, PageRequest page);

    /**
     * A page of dead letters.
     *
     * @param filter which ones
     * @param sort what they are sorted by
     * @param page which page, and the direction
     * @return the page
     */
    Page<DeadLetter> deadLetters(DeadLetterFilter filter, DeadLetterSort sort, PageRequest page);

    /**
     * How many dead letters a filter matches (what a bulk replay of that filter would replay, when
     * replayed ones are left out).
     *
     * @param filter which ones
     * @return the count
     */
    long countDeadLetters(DeadLetterFilter filter);

    /**
     * One dead letter.
     *
     * @param id the dead letter's id
     * @return it, if it exists
     */
    Optional<DeadLetter> deadLetter(String id);

    /**
     * The workers that run now or stopped lately, the newest first.
     *
     * @return the workers
     */
    List<WorkerView> workers();

    /**
     * A page of the audit trail, the newest first.
     *
     * @param actor only this user's actions, or null
     * @param operation only this operation, or null
     * @param page the page
     * @return the page
     */
    Page<AuditView> audit(String actor, String operation, PageRequest page);
}
