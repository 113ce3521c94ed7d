package io.stent.operations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What an operator looks at first: the last day's executions by status and by hour, the work
 * waiting in each queue, the dead letters not replayed, and the workers alive.
 *
 * @param since the start of the window the counts cover (a day before {@code at})
 * @param at when it was computed (database clock)
 * @param createdByStatus executions created since then, by the status they report now
 * @param hours executions finished since then, per hour, completed and failed
 * @param queues the open tasks of each queue
 * @param deadLetters dead letters not replayed yet
 * @param workersAlive workers that gave a sign of life in the last {@link TaskView#SILENCE_SECONDS} seconds
 */
public record Overview(OffsetDateTime since, OffsetDateTime at, Map<String, Long> createdByStatus, List<Hour> hours,
                       List<QueueDepth> queues, long deadLetters, int workersAlive) {

    /**
     * Copies the collections.
     */
    public Overview {
        createdByStatus = Map.copyOf(createdByStatus);
        hours = List.copyOf(hours);
        queues = List.copyOf(queues);
    }

    /**
     * The executions that finished in one hour.
     *
     * @param start the hour's start
     * @param completed how many completed
     * @param failed how many failed
     */
    public record Hour(OffsetDateTime start, long completed, long failed) {
    }

    /**
     * One queue's open work.
     *
     * @param queue the queue
     * @param due tasks due and not claimed
     * @param waiting tasks not due yet (delayed, retries, timers)
     * @param running tasks a worker holds
     * @param oldestDueAt when the longest-waiting due task became due, or null
     */
    public record QueueDepth(String queue, long due, long waiting, long running, OffsetDateTime oldestDueAt) {
    }
}
