package io.stent.operations;

import io.stent.ExecutionStatus;

import java.time.OffsetDateTime;

/**
 * Which executions to list. Every criterion is optional; {@link #all()} matches everything.
 *
 * @param status only this status (as the execution reports it: RUNNING while a worker runs it)
 * @param function only this root function (exact name)
 * @param createdFrom only executions created at or after this time
 * @param createdBefore only executions created before this time
 * @param search only executions whose id or idempotency key starts with this text
 * @param parentId only children of this execution
 */
public record ExecutionFilter(ExecutionStatus status, String function, OffsetDateTime createdFrom,
                              OffsetDateTime createdBefore, String search, String parentId) {

    /**
     * Matches every execution.
     *
     * @return the filter
     */
    public static ExecutionFilter all() {
        return new ExecutionFilter(null, null, null, null, null, null);
    }

    /**
     * Narrows to one status.
     *
     * @param wanted the status
     * @return the new filter
     */
    public ExecutionFilter withStatus(ExecutionStatus wanted) {
        return new ExecutionFilter(wanted, function, createdFrom, createdBefore, search, parentId);
    }

    /**
     * Narrows to one root function.
     *
     * @param name the function's name
     * @return the new filter
     */
    public ExecutionFilter withFunction(String name) {
        return new ExecutionFilter(status, name, createdFrom, createdBefore, search, parentId);
    }

    /**
     * Narrows to a creation time range.
     *
     * @param from the earliest, inclusive, or null
     * @param before the latest, exclusive, or null
     * @return the new filter
     */
    public ExecutionFilter createdBetween(OffsetDateTime from, OffsetDateTime before) {
        return new ExecutionFilter(status, function, from, before, search, parentId);
    }

    /**
     * Narrows to ids or idempotency keys that start with a text.
     *
     * @param prefix the text
     * @return the new filter
     */
    public ExecutionFilter withSearch(String prefix) {
        return new ExecutionFilter(status, function, createdFrom, createdBefore, prefix, parentId);
    }

    /**
     * Narrows to the children of an execution.
     *
     * @param parent the parent's id
     * @return the new filter
     */
    public ExecutionFilter childrenOf(String parent) {
        return new ExecutionFilter(status, function, createdFrom, createdBefore, search, parent);
    }
}
