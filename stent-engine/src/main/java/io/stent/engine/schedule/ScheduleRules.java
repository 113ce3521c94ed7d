package io.stent.engine.schedule;

import io.stent.engine.EngineMessages;
import io.stent.ScheduleCatchUp;
import io.stent.ScheduleOverlap;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A schedule's policies applied to one round, free of any database: which of the fire times due
 * by {@code now} start, which are dropped, and what comes next. The store applies the decision
 * atomically with the executions it starts, so each fire time starts at most one execution.
 *
 * @param cron the fire times
 * @param zone the zone whose wall clock the cron expression reads
 * @param overlap what a fire time does while the previous execution runs
 * @param catchUp what fire times missed during downtime do
 * @param catchUpLimit with {@link ScheduleCatchUp#ALL}: the most missed fire times started, the latest ones
 * @param grace how late a fire time may be found and still count as on time, not missed
 */
public record ScheduleRules(CronExpression cron, ZoneId zone, ScheduleOverlap overlap, ScheduleCatchUp catchUp,
                            int catchUpLimit, Duration grace) {

    /** The most fire times one round looks at; a longer backlog is dropped as missed, the latest kept. */
    static final int MAX_FIRES_PER_ROUND = 10_000;

    /** Checks the limits. */
    public ScheduleRules {
        if (catchUpLimit < 1) {
            throw new io.stent.StentArgumentException(io.stent.ApiMessages.BAD_SCHEDULE_POLICY, 
                    "the catch-up limit must be at least 1, got " + catchUpLimit);
        }
        if (grace.isNegative()) {
            throw new io.stent.StentArgumentException(io.stent.ApiMessages.BAD_SCHEDULE_POLICY, 
                    "the grace period must not be negative, got " + grace);
        }
    }

    /**
     * The first fire time after an instant.
     *
     * @param after the instant (exclusive)
     * @return the fire time
     * @throws io.stent.StentException if the expression has no fire time left in the next years
     */
    public Instant nextAfter(Instant after) {
        return cron.next(after, zone).orElseThrow(() -> new io.stent.StentException(EngineMessages.NO_FIRE_TIME, 
                cron, after));
    }

    /**
     * Decides a round.
     *
     * @param nextFireAt the schedule's next fire time as stored
     * @param now the database clock
     * @param previousRunning whether the execution it started last still runs
     * @param buffered the fire time waiting for that execution, or null
     * @return the decision; when nothing is due, no start and the same next fire time
     */
    public FireDecision decide(Instant nextFireAt, Instant now, boolean previousRunning, Instant buffered) {
        Deque<Instant> due = new ArrayDeque<>();
        int seen = 0;
        Instant next = nextFireAt;
        while (!next.isAfter(now)) {
            due.addLast(next);
            if (++seen > MAX_FIRES_PER_ROUND) {
                due.removeFirst();
            }
            next = nextAfter(next);
        }
        int dropped = seen - due.size();
        List<Instant> onTime = new ArrayList<>();
        List<Instant> missed = new ArrayList<>();
        for (Instant fire : due) {
            (Duration.between(fire, now).compareTo(grace) <= 0 ? onTime : missed).add(fire);
        }
        List<Instant> candidates = new ArrayList<>(caughtUp(missed));
        dropped += missed.size() - candidates.size();
        candidates.addAll(onTime);
        Instant waiting = previousRunning ? buffered : null;
        List<Instant> start = new ArrayList<>();
        if (!previousRunning && buffered != null) {
            start.add(buffered); // the previous execution ended: the fire time that waited for it runs
        }
        switch (overlap) {
            case ALLOW_ALL -> {
                if (waiting != null) {
                    start.add(waiting); // left by an earlier BUFFER_ONE policy: nothing waits any more
                    waiting = null;
                }
                start.addAll(candidates);
            }
            case SKIP -> {
                if (!candidates.isEmpty() && (previousRunning || !start.isEmpty())) {
                    dropped += candidates.size();
                } else if (!candidates.isEmpty()) {
                    // one execution at a time: the latest due fire time runs, the others would overlap it
                    start.add(candidates.get(candidates.size() - 1));
                    dropped += candidates.size() - 1;
                }
            }
            case BUFFER_ONE -> {
                if (!candidates.isEmpty()) {
                    Instant latest = candidates.get(candidates.size() - 1);
                    if (previousRunning || !start.isEmpty()) {
                        dropped += candidates.size() - 1 + (waiting != null ? 1 : 0);
                        waiting = latest; // waits for the running (or just started) execution
                    } else {
                        start.add(latest);
                        dropped += candidates.size() - 1;
                    }
                }
            }
            default -> throw new io.stent.StentException(io.stent.ApiMessages.BAD_SCHEDULE_POLICY, 
                    "unknown overlap policy " + overlap);
        }
        return new FireDecision(start, next, waiting, dropped);
    }

    private List<Instant> caughtUp(List<Instant> missed) {
        if (missed.isEmpty()) {
            return missed;
        }
        return switch (catchUp) {
            case SKIP -> List.of();
            case LATEST -> List.of(missed.get(missed.size() - 1));
            case ALL -> missed.subList(Math.max(0, missed.size() - catchUpLimit), missed.size());
        };
    }
}
