package io.stent.operations;

import io.stent.ScheduleCatchUp;
import io.stent.ScheduleOverlap;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recurring schedule as operators see it.
 *
 * @param name its unique name
 * @param function the durable function it starts
 * @param cron its cron expression
 * @param zone the time zone the expression reads
 * @param overlap what a fire time does while the previous execution runs
 * @param catchUp what fire times missed during downtime do
 * @param catchUpLimit with catch-up ALL, the most missed fire times started
 * @param grace how late a fire time may be found and still be on time
 * @param declared whether an annotation declares it (a deployment writes it again)
 * @param paused whether it is paused
 * @param upcoming its next fire times (the first is the next one), at most {@link #UPCOMING}; none while paused
 * @param bufferedFireAt a fire time waiting for the previous execution to end, or null
 * @param lastFireAt the fire time of the last execution it started, or null
 * @param lastExecutionId the last execution it started, or null
 * @param lastExecutionRunning whether that execution still runs
 * @param fires how many executions it started
 * @param dropped how many fire times it dropped (overlapping or missed)
 */
public record ScheduleView(String name, String function, String cron, String zone, ScheduleOverlap overlap,
                           ScheduleCatchUp catchUp, int catchUpLimit, Duration grace, boolean declared, boolean paused,
                           List<OffsetDateTime> upcoming, OffsetDateTime bufferedFireAt, OffsetDateTime lastFireAt,
                           String lastExecutionId, boolean lastExecutionRunning, long fires, long dropped) {

    /** How many next fire times a view lists. */
    public static final int UPCOMING = 3;

    /** Copies the fire times. */
    public ScheduleView {
        upcoming = List.copyOf(upcoming);
    }
}
