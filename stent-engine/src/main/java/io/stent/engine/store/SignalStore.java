package io.stent.engine.store;

import java.util.Optional;

/**
 * Signals sent to executions. A signal is kept until a wait of the execution consumes it, so a
 * signal sent before the workflow waits is not lost.
 */
public interface SignalStore {

    /** What became of a sent signal. */
    enum Delivery {
        /** Stored, and the execution woken if it was waiting. */
        DELIVERED,
        /** No such execution. */
        NOT_FOUND,
        /** The execution has finished. */
        FINISHED
    }

    /**
     * Stores a signal and wakes the execution's task, in one transaction.
     *
     * @param executionId the execution
     * @param name the signal name
     * @param payload the serialized payload
     * @return what became of it
     */
    Delivery send(String executionId, String name, String payload);

    /**
     * Consumes the oldest unconsumed signal of that name for the wait at {@code position}. Calling
     * it again for the same position returns the same signal.
     *
     * @param executionId the execution
     * @param name the signal name
     * @param position the waiting step's position
     * @return the payload, if a signal was there
     */
    Optional<String> consume(String executionId, String name, String position);
}
