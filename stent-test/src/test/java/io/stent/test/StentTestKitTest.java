package io.stent.test;

import io.stent.ExecutionHandle;
import io.stent.ExecutionStatus;
import io.stent.test.sample.OrderWorkflow;
import io.stent.test.sample.Shipping;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@StentTest(beans = {OrderWorkflow.class, Shipping.class})
class StentTestKitTest {

    @Inject
    OrderWorkflow orders;
    @Inject
    Shipping shipping;

    @Test
    void aWorkflowThatSleepsThreeDays_finishesWhenTheClockIsAdvanced_inMilliseconds(StentTestKit kit) {
        shipping.clear();
        long started = System.nanoTime();
        ExecutionHandle<String> order = kit.stent().start(() -> orders.place("o-1"));
        kit.awaitIdle();
        assertEquals(ExecutionStatus.SUSPENDED, order.status(), "asleep");
        assertEquals(List.of("reserve o-1"), shipping.calls());

        kit.advance(Duration.ofDays(3).minusMinutes(1));
        assertEquals(ExecutionStatus.SUSPENDED, order.status(), "a minute short of three days: still asleep");
        kit.advance(Duration.ofMinutes(1));
        assertEquals("t-r-o-1", kit.result(order));
        assertEquals(List.of("reserve o-1", "charge o-1", "ship r-o-1"), shipping.calls(), "each step once");
        assertEquals(List.of("shipping.reserve", "stent.sleep", "shipping.charge", "shipping.ship"),
                kit.steps(order.id()).stream().map(io.stent.operations.StepView::function).toList());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5_000, "no real waiting");
    }

    @Test
    void aBatchStart_startsEachCall_andATakenKeyGivesTheEarlierExecution(StentTestKit kit) {
        shipping.clear();
        List<ExecutionHandle<String>> handles = kit.stent().startAll(List.of(
                io.stent.StartRequest.of(() -> orders.place("b-1"), io.stent.StartOptions.defaults()
                        .withIdempotencyKey("batch-b-1")),
                io.stent.StartRequest.of(() -> orders.place("b-2")),
                io.stent.StartRequest.of(() -> orders.place("b-1"), io.stent.StartOptions.defaults()
                        .withIdempotencyKey("batch-b-1"))));
        assertEquals(3, handles.size());
        assertEquals(handles.get(0).id(), handles.get(2).id(), "one execution per key");
        kit.advance(Duration.ofDays(3));
        assertTrue(kit.result(handles.get(0)).startsWith("t-"), kit.result(handles.get(0)));
        assertTrue(kit.result(handles.get(1)).startsWith("t-"));
        assertEquals(2, shipping.calls().stream().filter(call -> call.startsWith("reserve")).count());
        io.stent.StentArgumentException notDurable = assertThrows(io.stent.StentArgumentException.class,
                () -> kit.stent().startAll(List.of(io.stent.StartRequest.of(() -> "not a durable call"))));
        assertTrue(notDurable.getMessage().contains("STENT-1102"), notDurable.getMessage());
    }

    @Test
    void advance_movesTheDatabaseClockStentDecidesWith(StentTestKit kit) {
        Instant before = kit.now();
        kit.advance(Duration.ofHours(5));
        Duration moved = Duration.between(before, kit.now());
        assertTrue(moved.compareTo(Duration.ofHours(5)) >= 0 && moved.compareTo(Duration.ofHours(5).plusSeconds(5)) < 0,
                "moved " + moved);
        assertThrows(io.stent.StentArgumentException.class, () -> kit.advance(Duration.ofSeconds(-1)));
    }

    @Test
    void aSignal_wakesTheWaitingWorkflow_andATimeoutIsReachedByAdvancing(StentTestKit kit) {
        ExecutionHandle<String> approved = kit.stent().start(() -> orders.approve("o-2"));
        ExecutionHandle<String> forgotten = kit.stent().start(() -> orders.approve("o-3"));
        kit.awaitIdle();
        kit.signal(approved.id(), "approved", true);
        assertEquals("approved", kit.result(approved));
        AssertionError waiting = assertThrows(AssertionError.class, () -> kit.result(forgotten));
        assertTrue(waiting.getMessage().contains("STENT-4006"), waiting.getMessage());
        kit.advance(Duration.ofDays(1));
        assertEquals("timed out", kit.result(forgotten));
    }

    @Test
    void retriesInPlace_doNotWaitForTheirBackoff(StentTestKit kit) {
        shipping.clear();
        shipping.failNextCharges(3);
        ExecutionHandle<String> order = kit.stent().start(() -> orders.place("o-4"));
        kit.advance(Duration.ofDays(3));
        assertEquals("t-r-o-4", kit.result(order));
        assertEquals(4, shipping.calls().stream().filter(call -> call.equals("charge o-4")).count(),
                "three failures, then success");
        assertEquals(4, kit.steps(order.id()).get(2).attempts());
    }

    @Test
    void aCrashAfterAStep_resumesByReplay_withoutRunningTheRecordedStepAgain(StentTestKit kit) {
        shipping.clear();
        kit.crashAfterStep("3");
        ExecutionHandle<String> order = kit.stent().start(() -> orders.place("o-5"));
        kit.advance(Duration.ofDays(3));
        assertEquals("t-r-o-5", kit.result(order));
        assertEquals(1, kit.crashes());
        assertEquals(List.of("reserve o-5", "charge o-5", "ship r-o-5"), shipping.calls(),
                "the charge was recorded before the crash: replay returns it");
    }

    @Test
    void aCrashBeforeAStepIsRecorded_runsTheStepAgain_soItMustBeIdempotent(StentTestKit kit) {
        shipping.clear();
        kit.crashBeforeStepRecorded("3");
        ExecutionHandle<String> order = kit.stent().start(() -> orders.place("o-6"));
        kit.advance(Duration.ofDays(3));
        assertEquals("t-r-o-6", kit.result(order));
        assertEquals(1, kit.crashes());
        assertEquals(List.of("reserve o-6", "charge o-6", "charge o-6", "ship r-o-6"), shipping.calls(),
                "the charge ran, its record was lost with the crash, and it ran again");
    }

    @Test
    void eachTest_startsWithEmptyTables(StentTestKit kit) {
        assertTrue(kit.operations().executions(io.stent.operations.ExecutionFilter.all(),
                io.stent.operations.ExecutionSort.CREATED_AT, io.stent.operations.PageRequest.first(10)).items()
                .isEmpty());
        assertFalse(kit.operations().schedules().stream().anyMatch(s -> !s.declared()));
    }
}
