package io.stent;

import java.time.Duration;

/**
 * A reference to one execution, valid in any instance that shares the database.
 *
 * @param <T> the execution's result type
 */
public interface ExecutionHandle<T> {

    /**
     * The execution's id.
     *
     * @return the id
     */
    String id();

    /**
     * The execution's current status, read from the database.
     *
     * @return the status
     * @throws ExecutionNotFoundException if the execution no longer exists
     */
    ExecutionStatus status();

    /**
     * Waits for the execution to finish and returns its result.
     *
     * @param timeout how long to wait at most
     * @return the result
     * @throws AwaitTimeoutException if the execution has not finished in time (it goes on running)
     * @throws ExecutionFailedException if the execution failed
     */
    T await(Duration timeout);

    /**
     * Returns the result of a finished execution without waiting.
     *
     * @return the result
     * @throws io.stent.StentException if the execution has not finished yet
     * @throws ExecutionFailedException if the execution failed
     */
    T result();

    /**
     * Sends a signal to this execution, see {@link Stent#signal(String, String, Object)}.
     *
     * @param name the signal name
     * @param payload the payload, may be null
     */
    void signal(String name, Object payload);

    /**
     * Requests the cancel of this execution, see {@link Stent#cancel(String)}.
     */
    void cancel();
}
