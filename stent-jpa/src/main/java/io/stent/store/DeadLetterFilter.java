package io.stent.store;

import java.time.OffsetDateTime;

/**
 * Which dead letters to list or replay. Every criterion is optional; {@link #all()} matches
 * everything not replayed yet.
 *
 * @param function only this function
 * @param queue only this queue
 * @param errorClass only failures of this exception class (exact name)
 * @param failedFrom only failures at or after this time
 * @param failedBefore only failures before this time
 * @param includeReplayed whether dead letters that were replayed are included
 */
public record DeadLetterFilter(String function, String queue, String errorClass, OffsetDateTime failedFrom,
                               OffsetDateTime failedBefore, boolean includeReplayed) {

    /**
     * Matches every dead letter that was not replayed.
     *
     * @return the filter
     */
    public static DeadLetterFilter all() {
        return new DeadLetterFilter(null, null, null, null, null, false);
    }

    /**
     * Narrows to one function.
     *
     * @param name the function name
     * @return the new filter
     */
    public DeadLetterFilter withFunction(String name) {
        return new DeadLetterFilter(name, queue, errorClass, failedFrom, failedBefore, includeReplayed);
    }

    /**
     * Narrows to one queue.
     *
     * @param name the queue
     * @return the new filter
     */
    public DeadLetterFilter withQueue(String name) {
        return new DeadLetterFilter(function, name, errorClass, failedFrom, failedBefore, includeReplayed);
    }

    /**
     * Narrows to one exception class.
     *
     * @param className the exception's class name
     * @return the new filter
     */
    public DeadLetterFilter withErrorClass(String className) {
        return new DeadLetterFilter(function, queue, className, failedFrom, failedBefore, includeReplayed);
    }

    /**
     * Narrows to failures in a time range.
     *
     * @param from the earliest failure time, inclusive, or null
     * @param before the latest failure time, exclusive, or null
     * @return the new filter
     */
    public DeadLetterFilter failedBetween(OffsetDateTime from, OffsetDateTime before) {
        return new DeadLetterFilter(function, queue, errorClass, from, before, includeReplayed);
    }

    /**
     * Includes dead letters that were replayed already.
     *
     * @return the new filter
     */
    public DeadLetterFilter includingReplayed() {
        return new DeadLetterFilter(function, queue, errorClass, failedFrom, failedBefore, true);
    }
}
