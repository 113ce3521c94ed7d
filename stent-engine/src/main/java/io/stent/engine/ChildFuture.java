package io.stent.engine;

import io.stent.DurableFuture;

/**
 * The future of a child execution. Reading it inside a workflow suspends until the child
 * finishes; outside a workflow it blocks.
 *
 * @param <T> the result type
 */
final class ChildFuture<T> implements DurableFuture<T> {

    private final String executionId;
    private final FunctionDefinition function;
    private final ChildRunner children;
    private final ContextHolder contexts;

    ChildFuture(String executionId, FunctionDefinition function, ChildRunner children, ContextHolder contexts) {
        this.executionId = executionId;
        this.function = function;
        this.children = children;
        this.contexts = contexts;
    }

    FunctionDefinition function() {
        return function;
    }

    @Override
    public String executionId() {
        return executionId;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        try {
            return (T) children.valueOf(contexts.current(), this);
        } catch (Exception e) {
            Outcomes.throwAny(e);
            return null;
        }
    }

    @Override
    public String toString() {
        return "DurableFuture[" + function.name() + " " + executionId + "]";
    }
}
