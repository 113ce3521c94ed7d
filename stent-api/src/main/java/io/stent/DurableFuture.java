package io.stent;

/**
 * The pending result of a child execution started with {@link Stent#async(DurableCall)}.
 *
 * @param <T> the result type
 */
public interface DurableFuture<T> {

    /**
     * The child execution's id.
     *
     * @return the id
     */
    String executionId();

    /**
     * Waits for the child and returns its result, or throws its failure. Inside a workflow the
     * wait suspends the execution (no thread held) until the child finishes; outside one it blocks
     * for up to {@code stent.await-timeout}.
     *
     * @return the child's result
     */
    T get();
}
