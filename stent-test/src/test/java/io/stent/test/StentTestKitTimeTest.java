package io.stent.test;

import io.stent.ExecutionHandle;
import io.stent.ExecutionStatus;
import io.stent.StartOptions;
import io.stent.test.sample.Reminders;
import io.stent.test.sample.Shipping;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@StentTest(beans = {Reminders.class, Shipping.class}, config = "stent.function.\"reminders.nightly\".retry.max-attempts=1")
class StentTestKitTimeTest {

    @Inject
    Reminders reminders;
    @Inject
    Shipping shipping;

    @Test
    void aDailySchedule_firesOncePerDay_whenThreeDaysPass(StentTestKit kit) {
        reminders.clear();
        kit.advance(Duration.ofDays(3));
        assertEquals(3, reminders.sent().size(), "one fire time a day, each on time: " + reminders.sent());
        var schedule = kit.operations().schedules().stream().filter(s -> s.name().equals("reminders")).findFirst()
                .orElseThrow();
        assertEquals(0, schedule.dropped(), "none was late enough to be dropped");
    }

    @Test
    void aWorkflowChangedUnderARunningExecution_failsTheTest_namingTheStep(StentTestKit kit) {
        reminders.clear();
        ExecutionHandle<String> order = kit.stent().start(() -> reminders.changing("o-7"));
        kit.awaitIdle();
        reminders.deploy(true);
        AssertionError failure = assertThrows(AssertionError.class, () -> kit.advance(Duration.ofHours(1)));
        assertTrue(failure.getMessage().contains("STENT-4009") && failure.getMessage().contains("shipping.charge")
                && failure.getMessage().contains("shipping.reserve"), failure.getMessage());
        assertEquals(ExecutionStatus.FAILED, order.status());
    }

    @Test
    void anExportedHistory_replaysAgainstTheCode_andAChangeThatBreaksItFailsTheTest(StentTestKit kit) {
        reminders.clear();
        shipping.clear();
        ExecutionHandle<String> order = kit.stent().start(() -> reminders.changing("o-8"));
        kit.advance(Duration.ofHours(1));
        assertEquals("t-r-o-8", kit.result(order));
        java.util.List<io.stent.operations.ExecutionExport> exported = new java.util.ArrayList<>();
        kit.operations().exportExecutions(io.stent.operations.ExecutionFilter.all().withFunction("reminders.changing"),
                exported::add);
        String line;
        try (jakarta.json.bind.Jsonb json = jakarta.json.bind.JsonbBuilder.create()) {
            line = json.toJson(exported.get(0)); // as stent-cli executions export writes it
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        shipping.clear();

        ExecutionHandle<Object> same = kit.replay(line);
        assertEquals("t-r-o-8", kit.result(same), "the unchanged code replays the history to the same result");
        assertEquals(java.util.List.of(), shipping.calls(), "every step returned its record without running");

        reminders.deploy(true);
        AssertionError broken = assertThrows(AssertionError.class, () -> kit.replay(line));
        assertTrue(broken.getMessage().contains("STENT-4009") && broken.getMessage().contains("shipping.charge"),
                broken.getMessage());
        AssertionError notAnExport = assertThrows(AssertionError.class, () -> kit.replay("{\"what\": 1}"));
        assertTrue(notAnExport.getMessage().contains("STENT-4013"), notAnExport.getMessage());
    }

    @Test
    void aDeadline_expiresTheExecution_whenTheClockPassesIt(StentTestKit kit) {
        ExecutionHandle<Void> slow = kit.stent().start(() -> reminders.slow(),
                StartOptions.defaults().withDeadline(Duration.ofDays(2)));
        kit.advance(Duration.ofDays(1));
        assertEquals(ExecutionStatus.SUSPENDED, slow.status());
        kit.advance(Duration.ofDays(7));
        assertEquals(ExecutionStatus.EXPIRED, slow.status());
    }

    @Test
    void aCancel_endsASleepingExecution(StentTestKit kit) {
        ExecutionHandle<Void> slow = kit.stent().start(() -> reminders.slow());
        kit.awaitIdle();
        slow.cancel();
        kit.awaitIdle();
        assertEquals(ExecutionStatus.CANCELLED, slow.status());
    }
}
