package io.stent.engine.schedule;

import io.stent.ScheduleCatchUp;
import io.stent.ScheduleOverlap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScheduleRulesTest {

    private static final Instant TEN = Instant.parse("2026-06-01T10:00:00Z");

    private static ScheduleRules every5Minutes(ScheduleOverlap overlap, ScheduleCatchUp catchUp) {
        return new ScheduleRules(CronExpression.parse("*/5 * * * *"), ZoneOffset.UTC, overlap, catchUp, 3,
                Duration.ofMinutes(1));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-06-01T" + time + "Z");
    }

    @Test
    void onTime_startsTheFireTime_andWaitsForTheNext() {
        FireDecision round = every5Minutes(ScheduleOverlap.SKIP, ScheduleCatchUp.SKIP)
                .decide(TEN, at("10:00:00.300"), false, null);
        assertEquals(List.of(TEN), round.start());
        assertEquals(at("10:05:00"), round.nextFireAt());
        assertEquals(0, round.dropped());
    }

    @Test
    void notDueYet_changesNothing() {
        FireDecision round = every5Minutes(ScheduleOverlap.SKIP, ScheduleCatchUp.ALL).decide(TEN, at("09:59:59"),
                false, null);
        assertEquals(List.of(), round.start());
        assertEquals(TEN, round.nextFireAt());
    }

    @Test
    void afterAnHourOfDowntime_skipDropsTheMissedOnes_latestRunsTheLastOnce_allRunsUpToTheLimit() {
        Instant now = at("11:02:00"); // 10:00 to 11:00 were missed: 13 fire times, none within a minute
        FireDecision skip = every5Minutes(ScheduleOverlap.ALLOW_ALL, ScheduleCatchUp.SKIP).decide(TEN, now, false, null);
        assertEquals(List.of(), skip.start());
        assertEquals(13, skip.dropped());
        assertEquals(at("11:05:00"), skip.nextFireAt());
        FireDecision latest = every5Minutes(ScheduleOverlap.ALLOW_ALL, ScheduleCatchUp.LATEST)
                .decide(TEN, now, false, null);
        assertEquals(List.of(at("11:00:00")), latest.start());
        assertEquals(12, latest.dropped());
        FireDecision all = every5Minutes(ScheduleOverlap.ALLOW_ALL, ScheduleCatchUp.ALL).decide(TEN, now, false, null);
        assertEquals(List.of(at("10:50:00"), at("10:55:00"), at("11:00:00")), all.start(), "the latest three");
        assertEquals(10, all.dropped());
    }

    @Test
    void aFireTimeWithinTheGrace_isOnTime_whateverTheCatchUpPolicy() {
        FireDecision round = every5Minutes(ScheduleOverlap.SKIP, ScheduleCatchUp.SKIP).decide(at("10:50:00"),
                at("11:00:40"), false, null);
        assertEquals(List.of(at("11:00:00")), round.start(), "10:50 and 10:55 were missed, 11:00 is 40 s late");
        assertEquals(2, round.dropped());
    }

    @Test
    void whileThePreviousRuns_skipDrops_bufferOneKeepsTheLatest_allowAllStarts() {
        Instant now = at("10:00:01");
        FireDecision skip = every5Minutes(ScheduleOverlap.SKIP, ScheduleCatchUp.SKIP).decide(TEN, now, true, null);
        assertEquals(List.of(), skip.start());
        assertEquals(1, skip.dropped());
        assertNull(skip.buffered());

        ScheduleRules buffering = every5Minutes(ScheduleOverlap.BUFFER_ONE, ScheduleCatchUp.SKIP);
        FireDecision first = buffering.decide(TEN, now, true, null);
        assertEquals(List.of(), first.start());
        assertEquals(TEN, first.buffered());
        FireDecision second = buffering.decide(at("10:05:00"), at("10:05:01"), true, first.buffered());
        assertEquals(at("10:05:00"), second.buffered(), "the latest waits; the one before it is dropped");
        assertEquals(1, second.dropped());
        FireDecision ended = buffering.decide(at("10:10:00"), at("10:07:00"), false, second.buffered());
        assertEquals(List.of(at("10:05:00")), ended.start(), "the previous one ended: the waiting one starts");
        assertNull(ended.buffered());
        assertEquals(at("10:10:00"), ended.nextFireAt());

        FireDecision allowed = every5Minutes(ScheduleOverlap.ALLOW_ALL, ScheduleCatchUp.SKIP).decide(TEN, now, true,
                null);
        assertEquals(List.of(TEN), allowed.start());
    }

    @Test
    void badLimits_areRefused() {
        assertThrows(io.stent.StentArgumentException.class, () -> new ScheduleRules(CronExpression.parse("@daily"),
                ZoneOffset.UTC, ScheduleOverlap.SKIP, ScheduleCatchUp.ALL, 0, Duration.ofMinutes(1)));
        assertThrows(io.stent.StentArgumentException.class, () -> new ScheduleRules(CronExpression.parse("@daily"),
                ZoneOffset.UTC, ScheduleOverlap.SKIP, ScheduleCatchUp.ALL, 1, Duration.ofMinutes(-1)));
    }
}
