package io.stent.engine.store;

import java.time.Instant;

/**
 * A schedule as stored.
 *
 * @param name the schedule's unique name
 * @param functionName the durable function it starts
 * @param functionVersion the version the instance that wrote it runs
 * @param queue the function's queue there
 * @param priority the function's priority there
 * @param tags the worker tags the function requires there
 * @param arguments the serialized arguments of each execution
 * @param cron the cron expression
 * @param zone the time zone id
 * @param overlap the overlap policy's name
 * @param catchUp the catch-up policy's name
 * @param catchUpLimit the most missed fire times one round starts with catch-up ALL
 * @param graceMillis how late a fire time may be found and still be on time
 * @param declared whether an annotation declares it (the deployment keeps it in line), or the API made it
 * @param paused whether it is paused
 * @param nextFireAt the next fire time
 * @param bufferedFireAt a fire time waiting for the previous execution to end, or null
 * @param lastFireAt the fire time of the execution it started last, or null
 * @param lastExecutionId the execution it started last, or null
 * @param fires how many executions it started
 * @param dropped how many fire times it dropped (overlapping or missed)
 * @param previousRunning whether the execution it started last still runs (read with it)
 */
public record ScheduleRecord(String name, String functionName, int functionVersion, String queue, int priority,
                             java.util.Set<String> tags, String arguments, String cron, String zone,
                             String overlap, String catchUp, int catchUpLimit, long graceMillis, boolean declared,
                             boolean paused, Instant nextFireAt, Instant bufferedFireAt, Instant lastFireAt,
                             String lastExecutionId, long fires, long dropped, boolean previousRunning) {

    /** Copies the tags. */
    public ScheduleRecord {
        tags = tags == null ? java.util.Set.of() : java.util.Set.copyOf(tags);
    }

    /**
     * Whether another record defines the same schedule (function, arguments, fire times and policies).
     *
     * @param other the other record
     * @return true if only its state differs
     */
    public boolean sameDefinition(ScheduleRecord other) {
        return functionName.equals(other.functionName) && functionVersion == other.functionVersion
                && queue.equals(other.queue) && priority == other.priority && tags.equals(other.tags)
                && arguments.equals(other.arguments)
                && sameFireTimes(other) && overlap.equals(other.overlap) && catchUp.equals(other.catchUp)
                && catchUpLimit == other.catchUpLimit && graceMillis == other.graceMillis;
    }

    /**
     * Whether another record fires at the same times.
     *
     * @param other the other record
     * @return true for the same cron expression and zone
     */
    public boolean sameFireTimes(ScheduleRecord other) {
        return cron.equals(other.cron) && zone.equals(other.zone);
    }

    /**
     * An execution of this schedule started now by an operator, outside its fire times: on the
     * function version, queue, priority and tags the schedule recorded, keyed
     * {@code stent-schedule:NAME@manual-UUID}.
     *
     * @return the execution to write
     */
    public NewExecution manualExecution() {
        return new NewExecution(TimeOrderedIds.next(), functionName, functionVersion, queue, arguments,
                "stent-schedule:" + name + "@manual-" + java.util.UUID.randomUUID(), java.time.Duration.ZERO, null,
                        null,
                null, priority, tags);
    }
}
