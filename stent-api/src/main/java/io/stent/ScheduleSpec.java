package io.stent;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a schedule fires and what it does about overlaps and downtime. Start from
 * {@link #cron(String)}; the defaults are UTC, {@link ScheduleOverlap#SKIP},
 * {@link ScheduleCatchUp#LATEST}, a catch-up limit of 10 and a grace period of one minute.
 *
 * @param cron the cron expression (five fields, or six with seconds first; see the README)
 * @param zone the time zone whose wall clock it reads
 * @param overlap what a fire time does while the previous execution still runs
 * @param catchUp what fire times missed during downtime do
 * @param catchUpLimit with {@link ScheduleCatchUp#ALL}, the most missed fire times started (the latest)
 * @param grace how late a fire time may be found and still count as on time
 */
public record ScheduleSpec(String cron, ZoneId zone, ScheduleOverlap overlap, ScheduleCatchUp catchUp,
                           int catchUpLimit, Duration grace) {

    /** Checks what can be checked without the engine (the expression is read by it). */
    public ScheduleSpec {
        Objects.requireNonNull(cron, "cron");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(catchUp, "catchUp");
        Objects.requireNonNull(grace, "grace");
        if (catchUpLimit < 1) {
            throw new io.stent.StentArgumentException(ApiMessages.BAD_SCHEDULE_POLICY, 
                    "the catch-up limit must be at least 1, got " + catchUpLimit);
        }
        if (grace.isNegative()) {
            throw new io.stent.StentArgumentException(ApiMessages.BAD_SCHEDULE_POLICY, 
                    "the grace period must not be negative, got " + grace);
        }
    }

    /**
     * A schedule with the defaults.
     *
     * @param cron the cron expression
     * @return the spec
     */
    public static ScheduleSpec cron(String cron) {
        return new ScheduleSpec(cron, ZoneId.of("UTC"), ScheduleOverlap.SKIP, ScheduleCatchUp.LATEST, 10,
                Duration.ofMinutes(1));
    }

    /**
     * @param wanted the time zone
     * @return a copy in that zone
     */
    public ScheduleSpec inZone(ZoneId wanted) {
        return new ScheduleSpec(cron, wanted, overlap, catchUp, catchUpLimit, grace);
    }

    /**
     * @param policy what overlapping fire times do
     * @return a copy with that policy
     */
    public ScheduleSpec onOverlap(ScheduleOverlap policy) {
        return new ScheduleSpec(cron, zone, policy, catchUp, catchUpLimit, grace);
    }

    /**
     * @param policy what missed fire times do
     * @param limit with {@link ScheduleCatchUp#ALL}, the most started
     * @return a copy with that policy
     */
    public ScheduleSpec afterDowntime(ScheduleCatchUp policy, int limit) {
        return new ScheduleSpec(cron, zone, overlap, policy, limit, grace);
    }

    /**
     * @param late how late a fire time may be found and still be on time
     * @return a copy with that grace period
     */
    public ScheduleSpec withGrace(Duration late) {
        return new ScheduleSpec(cron, zone, overlap, catchUp, catchUpLimit, late);
    }
}
