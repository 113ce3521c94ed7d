package io.stent.engine.store;

import java.time.Duration;
import java.util.Set;

/**
 * An execution to persist together with its root task.
 *
 * @param id the new execution id
 * @param functionName the root function
 * @param functionVersion the root function's version
 * @param queue the queue of the root task
 * @param arguments the serialized arguments
 * @param idempotencyKey the idempotency key, or null
 * @param delay how long after the start (database clock) the root task becomes due
 * @param deadline how long after the start (database clock) the execution expires, or null
 * @param parentId the parent execution of a child, or null
 * @param parentPosition the position in the parent that started the child, or null
 * @param priority the root task's priority: higher is claimed first
 * @param tags the tags the function requires of a worker, recorded for operators' searches
 * @param traceParent the W3C {@code traceparent} of the call that started it, continued by every
 *     attempt wherever it runs, or null
 */
public record NewExecution(String id, String functionName, int functionVersion, String queue, String arguments,
                           String idempotencyKey, Duration delay, Duration deadline, String parentId,
                           String parentPosition, int priority, Set<String> tags, String traceParent) {

    /** Copies the tags. */
    public NewExecution {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /**
     * An execution started outside any trace.
     *
     * @param id the new execution id
     * @param functionName the root function
     * @param functionVersion the root function's version
     * @param queue the queue of the root task
     * @param arguments the serialized arguments
     * @param idempotencyKey the idempotency key, or null
     * @param delay how long after the start the root task becomes due
     * @param deadline how long after the start the execution expires, or null
     * @param parentId the parent execution of a child, or null
     * @param parentPosition the position in the parent that started the child, or null
     * @param priority the root task's priority
     * @param tags the tags the function requires of a worker
     */
    public NewExecution(String id, String functionName, int functionVersion, String queue, String arguments,
                        String idempotencyKey, Duration delay, Duration deadline, String parentId,
                        String parentPosition, int priority, Set<String> tags) {
        this(id, functionName, functionVersion, queue, arguments, idempotencyKey, delay, deadline, parentId,
                parentPosition, priority, tags, null);
    }

    /**
     * The same execution, started in a trace.
     *
     * @param parent the W3C {@code traceparent}, or null
     * @return the execution with it
     */
    public NewExecution withTraceParent(String parent) {
        return new NewExecution(id, functionName, functionVersion, queue, arguments, idempotencyKey, delay, deadline,
                parentId, parentPosition, priority, tags, parent);
    }

    /**
     * An execution of a function that requires no tags.
     *
     * @param id the new execution id
     * @param functionName the root function
     * @param functionVersion the root function's version
     * @param queue the queue of the root task
     * @param arguments the serialized arguments
     * @param idempotencyKey the idempotency key, or null
     * @param delay how long after the start the root task becomes due
     * @param deadline how long after the start the execution expires, or null
     * @param parentId the parent execution of a child, or null
     * @param parentPosition the position in the parent that started the child, or null
     * @param priority the root task's priority
     */
    public NewExecution(String id, String functionName, int functionVersion, String queue, String arguments,
                        String idempotencyKey, Duration delay, Duration deadline, String parentId,
                        String parentPosition, int priority) {
        this(id, functionName, functionVersion, queue, arguments, idempotencyKey, delay, deadline, parentId,
                parentPosition, priority, Set.of());
    }

    /**
     * An execution that is due at once and has no deadline.
     *
     * @param id the new execution id
     * @param functionName the root function
     * @param functionVersion its version
     * @param queue the queue
     * @param arguments the serialized arguments
     * @param idempotencyKey the key, or null
     * @return the new execution
     */
    public static NewExecution now(String id, String functionName, int functionVersion, String queue,
                                   String arguments, String idempotencyKey) {
        return new NewExecution(id, functionName, functionVersion, queue, arguments, idempotencyKey, Duration.ZERO,
                null, null, null, 0);
    }
}
