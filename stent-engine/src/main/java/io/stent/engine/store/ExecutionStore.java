package io.stent.engine.store;

import java.util.Optional;

/**
 * Creating and reading executions.
 */
public interface ExecutionStore {

    /**
     * Persists an execution and its ready root task in one transaction. When the idempotency key
     * is already taken, nothing is written and the existing execution's id is returned.
     *
     * @param execution the execution
     * @return the id of the execution that now owns the key (the new one, or the earlier one)
     */
    String create(NewExecution execution);

    /**
     * Reads an execution.
     *
     * @param id the id
     * @return the execution, if it exists
     */
    Optional<ExecutionRecord> find(String id);
}
