package io.stent.engine.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronExpressionTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static List<String> fires(String cron, ZoneId zone, String after, int count) {
        CronExpression expression = CronExpression.parse(cron);
        List<String> fires = new ArrayList<>();
        Instant at = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            at = expression.next(at, zone).orElseThrow();
            fires.add(at.toString());
        }
        return fires;
    }

    private static String failure(String cron) {
        return assertThrows(io.stent.StentArgumentException.class, () -> CronExpression.parse(cron)).getMessage();
    }

    @Test
    void fiveFields_fireOnTheMinute_andSixFields_onTheSecond() {
        assertEquals(List.of("2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z", "2026-01-01T00:45:00Z"),
                fires("*/15 * * * *", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 3));
        assertEquals(List.of("2026-01-01T00:00:10Z", "2026-01-01T00:00:40Z", "2026-01-01T00:01:10Z"),
                fires("10/30 * * * * *", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 3));
        assertEquals(List.of("2026-01-01T00:00:01Z"), fires("* * * * * *", ZoneOffset.UTC, "2026-01-01T00:00:00.5Z", 1),
                "the next whole second after a fraction");
    }

    @Test
    void namesRangesListsAndMacros() {
        // 2026-01-02 is a Friday
        assertEquals(List.of("2026-01-02T09:00:00Z", "2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z"),
                fires("0 9 * * MON-FRI", ZoneOffset.UTC, "2026-01-01T10:00:00Z", 3));
        assertEquals(List.of("2026-03-01T00:00:00Z", "2026-06-01T00:00:00Z"),
                fires("0 0 1 mar,JUN *", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 2));
        assertEquals(List.of("2026-01-04T00:00:00Z"), fires("0 0 * * 7", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 1),
                "7 is Sunday as 0 is");
        assertEquals(List.of("2026-01-01T01:00:00Z"), fires("@hourly", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 1));
        assertEquals(List.of("2027-01-01T00:00:00Z"), fires("@yearly", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 1));
        assertEquals(List.of("2026-01-04T00:00:00Z"), fires("@weekly", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 1));
        assertEquals(List.of("2026-01-05T08:00:00Z"), fires("0 0 8 ? * MON", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 1));
    }

    @Test
    void bothDayFieldsRestricted_eitherOneFires_asInClassicCron() {
        // the 13th, or any Friday: Fri 2 Jan, Fri 9 Jan, Tue 13 Jan, Fri 16 Jan
        assertEquals(List.of("2026-01-02T00:00:00Z", "2026-01-09T00:00:00Z", "2026-01-13T00:00:00Z",
                        "2026-01-16T00:00:00Z"), fires("0 0 13 * FRI", ZoneOffset.UTC, "2026-01-01T00:00:00Z", 4));
    }

    @Test
    void theTwentyNinthOfFebruary_waitsForALeapYear_andTheThirtiethNeverFires() {
        assertEquals(List.of("2028-02-29T00:00:00Z"), fires("0 0 29 2 *", ZoneOffset.UTC, "2026-03-01T00:00:00Z", 1));
        assertTrue(failure("0 0 30 2 *").contains("never fires"));
    }

    @Test
    void badExpressions_sayWhichFieldAndWhy() {
        assertTrue(failure("* * * *").contains("has 4 fields"), failure("* * * *"));
        assertTrue(failure("60 * * * *").contains("the minute field '60' is invalid: it must be 0 to 59"),
                failure("60 * * * *"));
        assertTrue(failure("0 25 * * *").contains("the hour field '25'"));
        assertTrue(failure("0 0 * FOO *").contains("the month field 'FOO' is invalid: expected a number or a name"));
        assertTrue(failure("0 0 L * *").contains("L, W and # are not supported"));
        assertTrue(failure("0 0 * * 5-1").contains("the range runs backwards"));
        assertTrue(failure("*/0 * * * *").contains("the minute field '0' is invalid: it must be 1 to 59"),
                failure("*/0 * * * *"));
        assertTrue(failure("@sometimes").contains("unknown cron macro"));
        assertTrue(failure(" ").contains("a cron expression is needed"));
        assertTrue(failure("1,,2 * * * *").contains("the minute field ''"), failure("1,,2 * * * *"));
    }

    @Test
    void springForward_aSkippedTimeFiresOnceWhenTheClockJumpsPastIt() {
        // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00 UTC)
        assertEquals(List.of("2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"),
                fires("30 2 * * *", BERLIN, "2026-03-28T00:00:00Z", 3));
        assertEquals(List.of("2026-03-29T00:45:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:15:00Z"),
                fires("*/15 * * * *", BERLIN, "2026-03-29T00:30:00Z", 3),
                "01:45 CET, then the skipped 02:00 to 02:45 once at the jump (which is also 03:00), then 03:15");
        assertEquals(List.of("2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z"),
                fires("0 9 * * *", BERLIN, "2026-03-28T00:00:00Z", 2), "09:00 local on both days");
    }

    @Test
    void fallBack_aFixedTimeFiresOnce_andAnEveryHourScheduleAtBothPasses() {
        // Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET (01:00 UTC); 02:00 to 02:59 happen twice
        assertEquals(List.of("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"),
                fires("30 2 * * *", BERLIN, "2026-10-24T00:00:00Z", 3), "02:30 once, at its first pass");
        assertEquals(List.of("2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z",
                        "2026-10-25T02:00:00Z"), fires("*/30 * * * *", BERLIN, "2026-10-25T00:00:00Z", 4),
                "02:30 CEST, 02:00 CET, 02:30 CET, 03:00 CET: every 30 minutes of real time");
        assertEquals(List.of("2026-10-25T01:00:00Z", "2026-10-25T01:30:00Z"),
                fires("*/30 * * * *", BERLIN, "2026-10-25T00:59:59Z", 2), "from the last second of the first pass");
        assertEquals(List.of("2026-10-25T01:30:00Z"), fires("*/30 * * * *", BERLIN, "2026-10-25T01:15:00Z", 1),
                "from inside the second pass");
    }

    @Test
    void newYork_dailyAtNine_followsTheWallClockAcrossBothChanges() {
        assertEquals(List.of("2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z"),
                fires("0 9 * * *", NEW_YORK, "2026-03-07T00:00:00Z", 2));
        assertEquals(List.of("2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z"),
                fires("0 9 * * *", NEW_YORK, "2026-10-31T00:00:00Z", 2));
        // 1 November: 02:00 EDT becomes 01:00 EST; 01:30 is passed twice and fires once
        assertEquals(List.of("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"),
                fires("30 1 * * *", NEW_YORK, "2026-11-01T00:00:00Z", 2));
    }
}
