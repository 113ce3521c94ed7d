package io.stent.operations;

import io.stent.ExecutionStatus;

import java.time.OffsetDateTime;

/**
 * Which executions to list. Every criterion is optional (null matches everything); {@link #all()}
 * matches every execution.
 *
 * @param status only this status (as the execution reports it: RUNNING while a worker runs it)
 * @param function only this root function (exact name)
 * @param version only this function version
 * @param queue only executions started on this queue
 * @param tag only executions whose function requires this worker tag
 * @param createdFrom only executions created at or after this time
 * @param createdBefore only executions created before this time
 * @param startedBefore only executions whose first attempt started before this time (with status
 *                      RUNNING: the ones running longer than a while)
 * @param search only executions whose id or idempotency key starts with this text
 * @param parentId only children of this execution
 */
public record ExecutionFilter(ExecutionStatus status, String function, Integer version, String queue, String tag,
                              OffsetDateTime createdFrom, OffsetDateTime createdBefore, OffsetDateTime startedBefore,
                              String search, String parentId) {

    /**
     * Matches every execution.
     *
     * @return the filter
     */
    public static ExecutionFilter all() {
        return new ExecutionFilter(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Narrows to one status.
     *
     * @param wanted the status
     * @return the new filter
     */
    public ExecutionFilter withStatus(ExecutionStatus wanted) {
        return new ExecutionFilter(wanted, function, version, queue, tag, createdFrom, createdBefore, startedBefore,
                search, parentId);
    }

    /**
     * Narrows to one root function.
     *
     * @param name the function name
     * @return the new filter
     */
    public ExecutionFilter withFunction(String name) {
        return new ExecutionFilter(status, name, version, queue, tag, createdFrom, createdBefore, startedBefore,
                search, parentId);
    }

    /**
     * Narrows to one function version.
     *
     * @param wanted the version
     * @return the new filter
     */
    public ExecutionFilter withVersion(int wanted) {
        return new ExecutionFilter(status, function, wanted, queue, tag, createdFrom, createdBefore, startedBefore,
                search, parentId);
    }

    /**
     * Narrows to one queue.
     *
     * @param name the queue
     * @return the new filter
     */
    public ExecutionFilter onQueue(String name) {
        return new ExecutionFilter(status, function, version, name, tag, createdFrom, createdBefore, startedBefore,
                search, parentId);
    }

    /**
     * Narrows to executions whose function requires a worker tag.
     *
     * @param wanted the tag
     * @return the new filter
     */
    public ExecutionFilter withTag(String wanted) {
        return new ExecutionFilter(status, function, version, queue, wanted, createdFrom, createdBefore,
                startedBefore, search, parentId);
    }

    /**
     * Narrows to a creation time range.
     *
     * @param from at or after, or null
     * @param before before, or null
     * @return the new filter
     */
    public ExecutionFilter createdBetween(OffsetDateTime from, OffsetDateTime before) {
        return new ExecutionFilter(status, function, version, queue, tag, from, before, startedBefore, search,
                parentId);
    }

    /**
     * Narrows to executions that started before a time.
     *
     * @param before the time
     * @return the new filter
     */
    public ExecutionFilter startedBefore(OffsetDateTime before) {
        return new ExecutionFilter(status, function, version, queue, tag, createdFrom, createdBefore, before, search,
                parentId);
    }

    /**
     * Narrows to ids or idempotency keys that start with a text.
     *
     * @param prefix the text
     * @return the new filter
     */
    public ExecutionFilter withSearch(String prefix) {
        return new ExecutionFilter(status, function, version, queue, tag, createdFrom, createdBefore, startedBefore,
                prefix, parentId);
    }

    /**
     * Narrows to the children of an execution.
     *
     * @param parent the parent's id
     * @return the new filter
     */
    public ExecutionFilter childrenOf(String parent) {
        return new ExecutionFilter(status, function, version, queue, tag, createdFrom, createdBefore, startedBefore,
                search, parent);
    }
}
