package io.stent.operations;

import java.time.OffsetDateTime;

/**
 * Which dead letters to list, count or replay. Every criterion is optional (null matches
 * everything): {@link #all()} matches every dead letter, {@link #pending()} those not replayed yet.
 *
 * @param executionId only the dead letters of this execution
 * @param function only this function
 * @param queue only this queue
 * @param errorClass only failures of this exception class (exact name)
 * @param failedFrom only failures at or after this time
 * @param failedBefore only failures before this time
 * @param includeReplayed whether dead letters that were replayed are included
 */
public record DeadLetterFilter(String executionId, String function, String queue, String errorClass,
                               OffsetDateTime failedFrom, OffsetDateTime failedBefore, boolean includeReplayed) {

    /**
     * Matches every dead letter, replayed or not.
     *
     * @return the filter
     */
    public static DeadLetterFilter all() {
        return new DeadLetterFilter(null, null, null, null, null, null, true);
    }

    /**
     * Matches every dead letter that was not replayed yet: what a bulk replay would take.
     *
     * @return the filter
     */
    public static DeadLetterFilter pending() {
        return new DeadLetterFilter(null, null, null, null, null, null, false);
    }

    /**
     * Narrows to one execution's dead letters.
     *
     * @param id the execution id
     * @return the new filter
     */
    public DeadLetterFilter ofExecution(String id) {
        return new DeadLetterFilter(id, function, queue, errorClass, failedFrom, failedBefore, includeReplayed);
    }

    /**
     * Narrows to one function.
     *
     * @param name the function name
     * @return the new filter
     */
    public DeadLetterFilter withFunction(String name) {
        return new DeadLetterFilter(executionId, name, queue, errorClass, failedFrom, failedBefore, includeReplayed);
    }

    /**
     * Narrows to one queue.
     *
     * @param name the queue
     * @return the new filter
     */
    public DeadLetterFilter withQueue(String name) {
        return new DeadLetterFilter(executionId, function, name, errorClass, failedFrom, failedBefore, includeReplayed);
    }

    /**
     * Narrows to failures of one exception class.
     *
     * @param className the exception's class name
     * @return the new filter
     */
    public DeadLetterFilter withErrorClass(String className) {
        return new DeadLetterFilter(executionId, function, queue, className, failedFrom, failedBefore, includeReplayed);
    }

    /**
     * Narrows to failures in a time range.
     *
     * @param from at or after, or null
     * @param before before, or null
     * @return the new filter
     */
    public DeadLetterFilter failedBetween(OffsetDateTime from, OffsetDateTime before) {
        return new DeadLetterFilter(executionId, function, queue, errorClass, from, before, includeReplayed);
    }

    /**
     * Includes replayed dead letters too.
     *
     * @return the new filter
     */
    public DeadLetterFilter includingReplayed() {
        return new DeadLetterFilter(executionId, function, queue, errorClass, failedFrom, failedBefore, true);
    }

    /**
     * Leaves replayed dead letters out.
     *
     * @return the new filter
     */
    public DeadLetterFilter pendingOnly() {
        return new DeadLetterFilter(executionId, function, queue, errorClass, failedFrom, failedBefore, false);
    }
}
