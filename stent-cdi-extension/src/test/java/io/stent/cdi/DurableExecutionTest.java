package io.stent.cdi;

import io.stent.ExecutionStatus;
import io.stent.NonDeterministicWorkflowError;
import io.stent.StartOptions;
import io.stent.Stent;
import io.stent.UnregisteredFunctionError;
import io.stent.engine.store.StepRecord;
import io.stent.store.JdbcStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Durable execution end to end in Weld SE: the extension, the interceptor, the engine and the
 * JDBC store on a real database. Subclasses choose the database.
 */
abstract class DurableExecutionTest extends WeldDatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Workflows workflows;
    @Inject
    Steps steps;
    @Inject
    Calls calls;
    @Inject
    Stent stent;
    @Inject
    StentRuntime runtime;
    @Inject
    io.stent.operations.StentOperations operations;
    @Inject
    RecordingListener listener;

    private List<StepRecord> steps(String executionId) {
        return JdbcStore.on(database.dataSource()).store().steps().list(executionId);
    }

    @Test
    void directCall_runsWorkflowThroughWorker_andReturnsResult() {
        String order = key();
        assertEquals("shipped R-" + order + " 500", workflows.order(order, 250));
        assertEquals(1, calls.count("order:" + order));
        assertEquals(1, calls.count("reserve:" + order));
        assertEquals(1, calls.count("charge:" + order));
        assertEquals(1, calls.count("ship:" + order));
    }

    @Test
    void start_returnsHandle_recordsEachStepUnderItsSequenceNumber() {
        String order = key();
        var handle = stent.start(() -> workflows.order(order, 10));
        assertEquals("shipped R-" + order + " 20", handle.await(WAIT));
        assertEquals(ExecutionStatus.COMPLETED, handle.status());
        assertEquals("shipped R-" + order + " 20", handle.result());
        List<StepRecord> steps = steps(handle.id());
        assertEquals(List.of("Steps.reserve", "Steps.charge", "Steps.ship"),
                steps.stream().map(StepRecord::functionName).toList());
        assertEquals(List.of(1, 2, 3), steps.stream().map(StepRecord::seq).toList());
        assertTrue(steps.get(2).output().contains("\"state\":\"shipped\""), steps.get(2).output());
        assertEquals(0, calls.count("order:" + order + "-not-run"));
        assertEquals(1, calls.count("order:" + order), "the start lambda itself did not run the body");
    }

    @Test
    void retriedWorkflow_replaysRecordedSteps_withoutRunningThemAgain() {
        String order = key();
        var handle = stent.start(() -> workflows.crashesOnce(order));
        assertEquals("shipped 2", handle.await(WAIT));
        assertEquals(2, calls.count("crash:" + order), "the body ran twice");
        assertEquals(1, calls.count("reserve:" + order), "step 1 ran once");
        assertEquals(1, calls.count("charge:" + order), "step 2 ran once");
        assertEquals(1, calls.count("ship:" + order), "step 3 ran once");
    }

    @Test
    void flakyStep_succeedsOnThirdAttempt_recordsThreeAttempts() {
        String key = key();
        var handle = stent.start(() -> workflows.flakyStep(key));
        assertEquals("ok after 3", handle.await(WAIT));
        StepRecord step = steps(handle.id()).get(0);
        assertEquals(3, step.attempts());
        assertEquals(3, calls.count("flaky:" + key));
    }

    @Test
    void abortOnFailure_isNotRetried_andWorkflowCanCompensate() {
        String key = key();
        assertEquals("compensated: bad input " + key, workflows.compensates(key));
        assertEquals(1, calls.count("rejects:" + key), "abortOn stops retries");
        assertEquals(1, calls.count("compensates:" + key));
    }

    @Test
    void recordedStepFailure_failsExecutionWithoutPointlessRetries_andIsRethrownAsItsType() {
        String key = key();
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> workflows.propagates(key));
        assertEquals("bad input " + key, failure.getMessage());
        assertEquals(1, calls.count("propagates:" + key), "replaying cannot help, so the body is not retried");
    }

    @Test
    void declaredCheckedFailure_isRethrownToCaller() {
        String key = key();
        IOException failure = assertThrows(IOException.class, () -> workflows.failsWithChecked(key));
        assertEquals("disk gone for " + key, failure.getMessage());
        var handle = stent.start(() -> workflows.failsWithChecked(key));
        assertThrows(IOException.class, () -> rethrowAwait(handle));
        assertEquals(ExecutionStatus.FAILED, handle.status());
    }

    private static void rethrowAwait(io.stent.ExecutionHandle<String> handle) throws Exception {
        handle.await(WAIT);
    }

    @Test
    void configuredMaxAttempts_overridesAnnotation() {
        String key = key();
        assertThrows(IllegalStateException.class, () -> runtime.engine().startByName("Overridden.work", key)
                .await(WAIT));
        assertEquals(1, calls.count("overridden:" + key));
    }

    @Test
    void replayCallingAnotherFunction_failsWithNonDeterministicWorkflowError() {
        String key = key();
        NonDeterministicWorkflowError error = assertThrows(NonDeterministicWorkflowError.class,
                () -> workflows.changesItsMind(key));
        assertTrue(error.getMessage().contains("'Steps.alpha'") && error.getMessage().contains("'Steps.beta'"),
                error.getMessage());
        assertEquals(0, calls.count("beta:" + key), "the mismatching step did not run");
    }

    @Test
    void nestedDurableCalls_areRecordedUnderTheirParentStep() {
        String key = key();
        var handle = stent.start(() -> workflows.nested(key));
        assertEquals(List.of("R-" + key + "+beta", "alpha"), handle.await(WAIT));
        List<String> positions = steps(handle.id()).stream()
                .map(s -> (s.parentPath().isEmpty() ? "" : s.parentPath() + ".") + s.seq() + "=" + s.functionName())
                .sorted().toList();
        assertEquals(List.of("1.1=Steps.reserve", "1.2=Steps.beta", "1=Composite.outer", "2=Steps.alpha"),
                positions);
    }

    @Test
    void sameIdempotencyKey_returnsFirstExecution() {
        String order = key();
        StartOptions options = StartOptions.defaults().withIdempotencyKey("order-" + order);
        var first = stent.start(() -> workflows.order(order, 1), options);
        var second = stent.start(() -> workflows.order(order, 1), options);
        assertEquals(first.id(), second.id());
        first.await(WAIT);
        assertEquals(1, calls.count("order:" + order));
    }

    @Test
    void startByUnknownName_raisesUnregisteredFunctionError_listingRegisteredNames() {
        UnregisteredFunctionError error = assertThrows(UnregisteredFunctionError.class,
                () -> stent.startByName("Nope.missing"));
        assertTrue(error.getMessage().contains("Nope.missing"));
        assertTrue(error.getMessage().contains("Workflows.order"), error.getMessage());
    }

    @Test
    void unserializableArgument_isRejectedInCallersThread_namingTheParameter() {
        String key = key();
        io.stent.StentArgumentException error = assertThrows(io.stent.StentArgumentException.class,
                () -> workflows.takesParcel(key, new Workflows.Parcel("x")));
        assertTrue(error.getMessage().contains("STENT-1105") && error.getMessage().contains("parameter 2")
                        && error.getMessage().contains("no label"),
                error.getMessage());
        assertTrue(error.getMessage().contains("pass an id"), "says what to do: " + error.getMessage());
        assertEquals(1, error.getMessage().split("no label", -1).length - 1, "the reason once: " + error.getMessage());
        assertEquals(null, error.getCause(), "the message is whole; no cause chain repeats it");
    }

    @Test
    void startLambdaWithoutDurableCall_isRejected() {
        io.stent.StentArgumentException error = assertThrows(io.stent.StentArgumentException.class, () -> stent.start(() -> "x"));
        assertTrue(error.getMessage().contains("STENT-1102"));
    }

    @Test
    void handleById_readsStatusAndResultFromDatabase() {
        String order = key();
        String id = stent.start(() -> workflows.order(order, 3)).id();
        var handle = stent.handle(id, String.class);
        assertEquals("shipped R-" + order + " 6", handle.await(WAIT));
        assertEquals(ExecutionStatus.COMPLETED, handle.status());
        assertThrows(io.stent.ExecutionNotFoundException.class, () -> stent.handle("no-such-id", String.class));
    }

    @Test
    void failedExecution_landsInDeadLetterQueue_withStructuredError_andReplayResumesFromFailedStep() {
        String key = key();
        var handle = stent.start(() -> workflows.checkout(key));
        assertThrows(PaymentDeclinedException.class, () -> handle.await(WAIT));
        assertEquals(2, calls.count("pay:" + key), "the step's two attempts");

        var letter = operations.deadLetters(io.stent.operations.DeadLetterFilter.pending().ofExecution(handle.id()),
                io.stent.operations.DeadLetterSort.FAILED_AT, io.stent.operations.PageRequest.first(10)).items().get(0);
        assertEquals(letter, TestStores.deadLetterOf(database.dataSource(), handle.id()));
        assertEquals("Workflows.checkout", letter.function());
        assertEquals(PaymentDeclinedException.class.getName(), letter.errorClass());
        assertEquals("payment declined for acct-" + key, letter.errorMessage());
        assertTrue(letter.error().contains("\"account\":\"\\\"acct-" + key + "\\\"\""), letter.error());
        assertTrue(letter.error().contains("\"missingCents\":\"1250\""), letter.error());
        assertTrue(letter.error().contains("audit log unavailable"), "suppressed exceptions are kept");
        assertTrue(letter.error().contains("at io.stent.cdi.Steps.pay"), "the stack trace is kept");

        calls.open(key);
        assertEquals(io.stent.operations.ReplayOutcome.REPLAYED, operations.replay(letter.id()));
        assertEquals("R-" + key + " paid", handle.await(WAIT));
        var audit = operations.audit("application", "dead-letter.replay", io.stent.operations.PageRequest.first(50));
        assertTrue(audit.items().stream().anyMatch(a -> a.targets().equals(letter.id()) && a.outcome().equals("REPLAYED")),
                "the injected operations audit the application's replay: " + audit.items());
        assertEquals(1, calls.count("reserve:" + key), "the completed step was not run again");
        assertEquals(3, calls.count("pay:" + key), "the failed step ran again");
    }

    @Test
    void listeners_hearTasksAndStepsWithTheirAttempts_andABrokenListenerChangesNothing() {
        String order = key();
        var handle = stent.start(() -> workflows.order(order, 1));
        handle.await(WAIT);
        assertEquals(List.of("task-start Workflows.order 1", "step-start 1 Steps.reserve 1 true", "step-end 1 ok",
                "step-start 2 Steps.charge 1 true", "step-end 2 ok", "step-start 3 Steps.ship 1 true", "step-end 3 ok",
                "task-end COMPLETED"), endedEvents(handle.id()));

        String key = key();
        var flaky = stent.start(() -> workflows.flakyStep(key));
        flaky.await(WAIT);
        assertEquals(List.of("task-start Workflows.flakyStep 1", "step-start 1 Steps.flaky 1 true",
                "step-end 1 IllegalStateException", "step-start 1 Steps.flaky 2 true", "step-end 1 IllegalStateException",
                "step-start 1 Steps.flaky 3 true", "step-end 1 ok", "task-end COMPLETED"), endedEvents(flaky.id()));
    }

    /** The listener hears the end of a task after its completion commits, so wait for it. */
    private List<String> endedEvents(String executionId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (listener.of(executionId).stream().noneMatch(event -> event.startsWith("task-end"))) {
            assertTrue(System.nanoTime() < deadline, "no task-end event for " + executionId);
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        return listener.of(executionId);
    }

    @Test
    void currentExecution_tellsAStepWhereItRuns() {
        String key = key();
        var handle = stent.start(() -> steps.whereAmI(key));
        String info = handle.await(WAIT);
        assertTrue(info.startsWith("execution=" + handle.id() + " task="), info);
        assertTrue(info.endsWith("function=Steps.whereAmI attempt=1"), info);
        assertTrue(stent.currentExecution().isEmpty());
    }

    @Test
    void workerLogLines_carryExecutionTaskFunctionAndAttempt() {
        java.util.List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.stent.engine.TaskRunner");
        logger.addHandler(handler);
        try {
            String key = key();
            var handle = stent.start(() -> workflows.propagates(key));
            assertThrows(IllegalArgumentException.class, () -> handle.await(WAIT));
            String message = records.stream().map(java.util.logging.LogRecord::getMessage)
                    .filter(m -> m.contains(handle.id())).findFirst().orElseThrow();
            assertTrue(message.contains("STENT-2103") && message.contains("task=")
                    && message.contains("function=Workflows.propagates") && message.contains("attempt=1"), message);
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void cachedFunction_runsOncePerArguments_withinItsTimeToLive_directlyAndAsAStep() throws Exception {
        String item = "item-" + key();
        assertEquals(item.length() * 100, steps.quote(item));
        assertEquals(item.length() * 100, steps.quote(item));
        assertEquals(1, calls.count("quote:" + item), "the second direct call used the cache");

        var handle = stent.start(() -> workflows.quoteInWorkflow(item));
        assertEquals(item.length() * 100 + 1, handle.await(WAIT));
        assertEquals(1, calls.count("quote:" + item), "the step used the cache too");
        assertEquals("Steps.quote", steps(handle.id()).get(0).functionName(), "and was recorded for replays");

        String other = "other-" + key();
        steps.quote(other);
        assertEquals(1, calls.count("quote:" + other), "other arguments, another entry");

        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_cache SET expires_at = CURRENT_TIMESTAMP"
                     + " - INTERVAL '1' SECOND WHERE function_name = 'Steps.quote'")) {
            statement.executeUpdate();
        }
        steps.quote(item);
        assertEquals(2, calls.count("quote:" + item), "an expired entry runs the body again");
    }

    @Test
    void outsideAnExecution_noDurableContext() {
        assertTrue(!stent.inDurableContext());
    }
}
