package io.stent.cdi;

import io.stent.engine.schedule.CronExpression;
import io.stent.engine.store.ScheduleRecord;
import io.stent.store.TestDatabase;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Declared schedules in a running deployment: written at start, fired by the schedule loop once per
 * fire time, caught up after downtime by their policy, paused, resumed and triggered. Downtime is
 * made by moving a schedule's next fire time back, as if the database clock had moved on.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchedulesTest {

    final TestDatabase database = createDatabase();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new StentExtension())
                    .addBeanClasses(StentRuntime.class, StentProducer.class, DurableInterceptor.class,
                            JsonbSerializer.class, TransactionSuspender.class, TestEnvironment.class, Scheduled.class))
            .build();

    @Inject
    StentRuntime runtime;
    @Inject
    Scheduled scheduled;
    @Inject
    io.stent.Stent stent;

    SchedulesTest() {
        TestEnvironment.dataSource = database.dataSource();
    }

    abstract TestDatabase createDatabase();

    @AfterAll
    void dropDatabase() {
        weld.shutdown();
        database.close();
    }

    /** The schedule as stored, once the deployment's first schedule round has written it. */
    private ScheduleRecord schedule(String name) {
        await("schedule " + name + " is written", () -> find(name) != null);
        return find(name);
    }

    private ScheduleRecord find(String name) {
        return runtime.engine().schedules().all().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    private List<String> keysOf(String schedule) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT idempotency_key FROM stent_execution"
                     + " WHERE idempotency_key LIKE ? ORDER BY idempotency_key")) {
            statement.setString(1, "stent-schedule:" + schedule + "@%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }

    private void moveNextFire(String name, Instant next) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "UPDATE stent_schedule SET next_fire_at = ? WHERE name = ?")) {
            statement.setObject(1, next.atOffset(ZoneOffset.UTC));
            statement.setString(2, name);
            assertEquals(1, statement.executeUpdate());
        }
    }

    @Test
    void aDeclaredScheduleFiresEverySecond_eachFireTimeOnce() throws Exception {
        runtime.engine();
        await("ticks ran three times", () -> scheduled.ticks() >= 3);
        List<String> keys = keysOf("ticks");
        assertTrue(keys.size() >= 3, keys.toString());
        assertEquals(keys.size(), keys.stream().distinct().count(), "one execution per fire time: " + keys);
        for (String key : keys) {
            Instant fire = Instant.parse(key.substring(key.indexOf('@') + 1));
            assertEquals(0, fire.getNano(), "fire times are whole seconds: " + key);
        }
        ScheduleRecord ticks = schedule("ticks");
        assertTrue(ticks.declared());
        assertEquals("sched.tick", ticks.functionName());
        assertTrue(ticks.fires() >= 3);
    }

    @Test
    void afterTenDaysOfDowntime_theLatestThreeNightsRun_andTheOthersAreDropped() throws Exception {
        ScheduleRecord before = schedule("nightly");
        CronExpression nightly = CronExpression.parse("0 0 3 * * ?");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant tenDaysAgo = nightly.next(Instant.now().minus(Duration.ofDays(10)), berlin).orElseThrow();
        List<Instant> missed = new ArrayList<>();
        for (Instant fire = tenDaysAgo; fire.isBefore(Instant.now()); fire = nightly.next(fire, berlin).orElseThrow()) {
            missed.add(fire);
        }
        moveNextFire("nightly", tenDaysAgo);
        await("the catch-up round ran", () -> schedule("nightly").fires() == before.fires() + 3);
        List<String> expected = missed.subList(missed.size() - 3, missed.size()).stream()
                .map(fire -> "stent-schedule:nightly@" + fire).toList();
        assertEquals(expected, keysOf("nightly").stream().filter(key -> !key.contains("manual")).toList());
        ScheduleRecord after = schedule("nightly");
        assertEquals(before.dropped() + missed.size() - 3, after.dropped());
        assertTrue(after.nextFireAt().isAfter(Instant.now()), "it waits for the next night: " + after.nextFireAt());
        assertEquals(3, after.nextFireAt().atZone(berlin).getHour(), "03:00 Berlin time, summer or winter");
    }

    @Test
    void pausedItStartsNothing_resumedItGoesOnFromNow_andATriggerStartsOneAtOnce() throws Exception {
        var schedules = runtime.engine().schedules();
        schedule("nightly");
        assertTrue(schedules.pause("nightly"));
        moveNextFire("nightly", Instant.now().minus(Duration.ofDays(2)));
        long fires = schedule("nightly").fires();
        schedules.runRound(); // a round of this instance's own, beside the loop's
        assertEquals(fires, schedule("nightly").fires(), "a paused schedule is not due");
        assertEquals(List.of(), keysOf("nightly").stream().filter(key -> key.contains(
                Instant.now().minus(Duration.ofDays(2)).toString().substring(0, 10))).toList(),
                "nothing started for the night it was moved to");
        assertTrue(schedules.resume("nightly"));
        assertTrue(schedule("nightly").nextFireAt().isAfter(Instant.now()), "the nights passed while paused are gone");
        String triggered = schedules.trigger("nightly").orElseThrow();
        assertEquals("done", runtime.engine().handle(triggered, String.class).await(Duration.ofSeconds(30)));
        assertEquals(triggered, schedule("nightly").lastExecutionId());
        assertTrue(schedules.trigger("no-such-schedule").isEmpty());
        assertTrue(!schedules.pause("no-such-schedule") && !schedules.resume("no-such-schedule"));
    }

    @Test
    void aScheduleMadeAtRunTime_carriesItsArguments_andCatchesUpOnceWithLatest() throws Exception {
        io.stent.ScheduleSpec weekly = io.stent.ScheduleSpec.cron("0 6 * * MON").inZone(ZoneId.of("Europe/Berlin"))
                .afterDowntime(io.stent.ScheduleCatchUp.LATEST, 1);
        assertTrue(stent.schedule("report-eu", weekly, () -> scheduled.report("eu")));
        assertTrue(!stent.schedule("report-eu", weekly, () -> scheduled.report("eu")), "unchanged: nothing to write");
        ScheduleRecord stored = schedule("report-eu");
        assertTrue(!stored.declared());
        assertEquals("sched.report", stored.functionName());
        assertTrue(stored.arguments().contains("eu"), stored.arguments());
        moveNextFire("report-eu", Instant.now().minus(Duration.ofDays(30)));
        await("the missed Mondays ran once", () -> schedule("report-eu").fires() == 1);
        String execution = schedule("report-eu").lastExecutionId();
        assertEquals("report eu", runtime.engine().handle(execution, String.class).await(Duration.ofSeconds(30)));
        assertEquals(1, keysOf("report-eu").size(), "one execution for the missed Mondays");
        assertTrue(schedule("report-eu").dropped() >= 3, "the other missed Mondays were dropped");

        String bad = org.junit.jupiter.api.Assertions.assertThrows(io.stent.StentArgumentException.class,
                () -> stent.schedule("a/b", weekly, () -> scheduled.report("x"))).getMessage();
        assertTrue(bad.contains("STENT-1804"), bad);
        String badCron = org.junit.jupiter.api.Assertions.assertThrows(io.stent.StentArgumentException.class,
                () -> stent.schedule("x", io.stent.ScheduleSpec.cron("61 * * * *"), () -> scheduled.report("x")))
                .getMessage();
        assertTrue(badCron.contains("the minute field '61'"), badCron);
        assertTrue(runtime.engine().schedules().delete("report-eu"));
    }
}
