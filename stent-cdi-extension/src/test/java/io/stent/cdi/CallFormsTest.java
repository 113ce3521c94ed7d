package io.stent.cdi;

import io.stent.ExecutionHandle;
import io.stent.ExecutionStatus;
import io.stent.Stent;
import io.stent.cdi.Freight.ExpressLeg;
import io.stent.cdi.Freight.Leg;
import io.stent.cdi.Freight.Money;
import io.stent.cdi.Freight.TrackingId;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Results of every kind (void, primitive, Optional, collections, maps of value objects) and value
 * objects in the domain-driven style as arguments, in every call form: direct, started, as steps,
 * replayed and as children. Subclasses choose the database.
 */
abstract class CallFormsTest extends WeldDatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ShipmentFlows flows;
    @Inject
    ShipmentSteps steps;
    @Inject
    Calls calls;
    @Inject
    Stent stent;

    @Test
    void voidWorkflow_calledDirectly_runsItsStepsAndReturns() {
        TrackingId id = new TrackingId("D" + key());
        flows.dispatch(id);
        assertEquals(1, calls.count("dispatch:" + id.idString()));
        assertEquals(1, calls.count("inspect:" + id.idString()), "the step saw the value object's private field");
    }

    @Test
    void voidWorkflow_started_awaitsNull_andCompletes() {
        TrackingId id = new TrackingId("S" + key());
        ExecutionHandle<Void> handle = stent.start(() -> flows.dispatch(id));
        assertNull(handle.await(WAIT));
        assertEquals(ExecutionStatus.COMPLETED, handle.status());
        assertNull(handle.result());
        assertNull(stent.handle(handle.id(), Void.class).result());
        assertEquals(1, calls.count("inspect:" + id.idString()));
    }

    @Test
    void voidStep_primitiveOptionalListAndMapResults_replayAsRecorded_withoutRunningAgain() {
        TrackingId id = new TrackingId("R" + key());
        String summary = flows.everyResultKind(id);
        assertEquals(id.idString().length() * 10 + " 12.50 EUR false [" + id + "[Rotterdam, Oslo], " + id
                + "[Oslo, Tromso]] {port=2 EUR} true", summary);
        assertEquals(2, calls.count("everyResultKind:" + id.idString()), "the body ran twice");
        for (String step : List.of("inspect", "weigh", "route", "fees", "approve")) {
            assertEquals(1, calls.count(step + ":" + id.idString()), step + " ran once, then replayed");
        }
        assertEquals(2, calls.count("quote:" + id.idString()), "two quote steps, each ran once");
    }

    @Test
    void directCallsOfSteps_returnEveryResultKind() {
        TrackingId id = new TrackingId("C" + key());
        steps.inspect(id);
        assertEquals(id.idString().length() * 10, steps.weigh(id));
        assertEquals(Optional.of(new Money(new BigDecimal("12.5"), "EUR")), steps.quote(id, false));
        assertEquals(Optional.empty(), steps.quote(id, true));
        Leg leg = new Leg(id, List.of("Oslo"));
        assertEquals(List.of(new Leg(id, List.of("Rotterdam", "Oslo")), new Leg(id, List.of("Oslo", "Tromso"))),
                steps.route(id));
        assertEquals(Map.of("port", new Money(BigDecimal.ONE, "EUR")), steps.fees(leg));
        assertTrue(steps.approve(leg));
    }

    @Test
    void childrenWithVoidPrimitiveOptionalAndListResults_areReadByTheirParent() {
        TrackingId id = new TrackingId("K" + key());
        assertEquals("null " + id.idString().length() * 10 + " false [" + id + "[Rotterdam, Oslo], " + id
                + "[Oslo, Tromso]]", flows.children(id));
    }

    @Test
    void subclassArgumentWhoseStateWouldBeLost_failsTheStartInTheCaller_namingParameterAndType() {
        TrackingId id = new TrackingId("X" + key());
        io.stent.StentArgumentException error = assertThrows(io.stent.StentArgumentException.class,
                () -> stent.start(() -> steps.approve(new ExpressLeg(id, 3))));
        assertTrue(error.getMessage().contains("STENT-1105"), error.getMessage());
        assertTrue(error.getMessage().contains("parameter 1"), error.getMessage());
        assertTrue(error.getMessage().contains("ExpressLeg"), error.getMessage());
        assertEquals(0, calls.count("approve:" + id.idString()));
    }

    @Inject
    LimitedSteps limited;
    @Inject
    LimitedSteps.Flows limitedFlows;

    @Test
    void stepWithAConcurrencyLimit_neverRunsMoreAtOnceThanItsLimit_whenManyWorkflowsCallIt() {
        List<ExecutionHandle<Integer>> handles = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            handles.add(stent.start(() -> limitedFlows.callsLimitedStep(n)));
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(i * 10 + 1, handles.get(i).await(WAIT));
        }
        assertTrue(limited.runs() >= 8);
        assertTrue(limited.most() <= 2, "at most the limit ran at once, as a step too: " + limited.most());
    }

    @Test
    void argumentsOverTheLimit_areRefusedInTheCallersThread_beforeAnythingIsStored() {
        io.stent.StentArgumentException error = assertThrows(io.stent.StentArgumentException.class,
                () -> stent.start(() -> steps.echo("x".repeat(5000))));
        assertTrue(error.getMessage().contains("STENT-1115") && error.getMessage().contains("stent.limits.arguments"),
                error.getMessage());
    }

    @Test
    void resultOverTheLimit_failsTheStepForGood_withoutRetries() {
        String key = key();
        var handle = stent.start(() -> flows.inflated(key, 5000));
        assertThrows(RuntimeException.class, () -> handle.await(WAIT));
        assertEquals(ExecutionStatus.FAILED, handle.status());
        assertEquals(1, calls.count("inflate:" + key), "a result too large now is too large on every attempt");
        var letter = TestStores.deadLetterOf(database.dataSource(), handle.id());
        assertTrue(letter.errorMessage().contains("STENT-1115"), letter.errorMessage());
        assertTrue(letter.errorMessage().contains("stent.limits.result"), letter.errorMessage());
    }

    @Test
    void storedStackTraces_andMessages_areCut() {
        String key = key();
        var handle = stent.start(() -> steps.deepFailure(key, 300));
        assertThrows(RuntimeException.class, () -> handle.await(WAIT));
        var letter = TestStores.deadLetterOf(database.dataSource(), handle.id());
        assertTrue(letter.error().length() < 2048 + 1024 + 600, "the stored error is bounded: " + letter.error().length());
        assertTrue(letter.error().contains("more characters cut"), "and says it was cut");
    }

    @Test
    void idempotencyKeyReusedForAnotherCall_isAnError_butTheSameCallGetsTheSameExecution() {
        String key = "key-" + key();
        var options = io.stent.StartOptions.defaults().withIdempotencyKey(key);
        String first = stent.start(() -> steps.echo("a"), options).id();
        assertEquals(first, stent.start(() -> steps.echo("a"), options).id());
        io.stent.IdempotencyKeyConflictException otherArguments = assertThrows(
                io.stent.IdempotencyKeyConflictException.class, () -> stent.start(() -> steps.echo("b"), options));
        assertEquals(first, otherArguments.existingExecutionId());
        assertTrue(otherArguments.getMessage().contains("STENT-1116"), otherArguments.getMessage());
        io.stent.IdempotencyKeyConflictException otherFunction = assertThrows(
                io.stent.IdempotencyKeyConflictException.class,
                () -> stent.start(() -> steps.weigh(new TrackingId("a")), options));
        assertTrue(otherFunction.getMessage().contains("ShipmentSteps.weigh"), otherFunction.getMessage());
    }
}
