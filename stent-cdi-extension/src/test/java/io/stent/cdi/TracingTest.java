package io.stent.cdi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.stent.ExecutionHandle;
import io.stent.ExecutionStatus;
import io.stent.Stent;
import io.stent.store.TestDatabase;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spans of attempts and steps where OpenTelemetry is present, checked with an in-memory exporter:
 * every attempt of an execution, before and after it suspended, is a child of the span that
 * started it; steps are children of their attempt; a child execution continues its parent's trace.
 */
@EnableWeld
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    final TestDatabase database = createDatabase();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new StentExtension())
                    .addBeanClasses(StentRuntime.class, StentProducer.class, DurableInterceptor.class,
                            JsonbSerializer.class, TransactionSuspender.class, TestEnvironment.class, Traced.class,
                            TestTelemetry.class))
            .build();

    @Inject
    Traced traced;
    @Inject
    Stent stent;
    @Inject
    TestTelemetry telemetry;
    @Inject
    OpenTelemetry openTelemetry;

    TracingTest() {
        TestEnvironment.dataSource = database.dataSource();
    }

    abstract TestDatabase createDatabase();

    @AfterAll
    void dropDatabase() {
        weld.shutdown();
        database.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetSpans() {
        telemetry.exporter().reset();
    }

    @Test
    void everyAttempt_continuesTheTraceOfTheCallThatStartedIt_andStepsAndChildrenHangBelow() {
        Span caller = openTelemetry.getTracer("test").spanBuilder("caller").startSpan();
        ExecutionHandle<String> flow;
        try (Scope ignored = caller.makeCurrent()) {
            flow = stent.start(() -> traced.flow("k"));
        } finally {
            caller.end();
        }
        awaitStatus(flow, ExecutionStatus.SUSPENDED);
        stent.signal(flow.id(), "go", "s");
        assertEquals("1s2c", flow.await(WAIT));

        // two attempts at least: one until the signal wait, one after it (a third if the wait for the
        // child outlasted the blocking limit and suspended it too)
        List<SpanData> attempts = await(span -> span.getName().equals("traced.flow")
                && "COMPLETED".equals(span.getAttributes().get(OpenTelemetryTracer.OUTCOME)), 1);
        attempts = await(span -> span.getName().equals("traced.flow"), 2);
        String traceId = caller.getSpanContext().getTraceId();
        for (SpanData attempt : attempts) {
            assertEquals(traceId, attempt.getTraceId(), "one trace: " + attempt);
            assertEquals(caller.getSpanContext().getSpanId(), attempt.getParentSpanId(),
                    "each attempt, wherever and whenever it ran, is a child of the caller's span");
            assertEquals(flow.id(), attempt.getAttributes().get(OpenTelemetryTracer.EXECUTION));
            assertEquals(1L, attempt.getAttributes().get(OpenTelemetryTracer.VERSION));
        }
        List<String> outcomes = attempts.stream().map(a -> a.getAttributes().get(OpenTelemetryTracer.OUTCOME)).toList();
        assertEquals("SUSPENDED", outcomes.get(0), "suspended on the signal: " + outcomes);
        assertEquals("COMPLETED", outcomes.get(outcomes.size() - 1), outcomes.toString());
        assertTrue(outcomes.subList(0, outcomes.size() - 1).stream().allMatch("SUSPENDED"::equals), outcomes.toString());
        assertTrue(attempts.stream().allMatch(a -> a.getAttributes().get(OpenTelemetryTracer.ATTEMPT) == 1L),
                "a resumption is not a retry");

        SpanData first = one(span -> span.getName().equals("traced.first"));
        assertEquals(attempts.get(0).getSpanId(), first.getParentSpanId(), "a step under its attempt");
        assertEquals("1", first.getAttributes().get(OpenTelemetryTracer.POSITION));
        assertEquals("COMPLETED", first.getAttributes().get(OpenTelemetryTracer.OUTCOME));
        SpanData second = one(span -> span.getName().equals("traced.second"));
        assertEquals(attempts.get(1).getSpanId(), second.getParentSpanId(),
                "the replayed first step makes no span; the second runs under the second attempt");
        SpanData child = one(span -> span.getName().equals("traced.child"));
        assertEquals(traceId, child.getTraceId(), "the child continues the parent's trace");
        assertEquals(attempts.get(1).getSpanId(), child.getParentSpanId(),
                "under the attempt that started it");
        assertNotEquals(flow.id(), child.getAttributes().get(OpenTelemetryTracer.EXECUTION));
    }

    @Test
    void anExecutionStartedOutsideATrace_beginsATraceOfItsOwn() {
        ExecutionHandle<String> child = stent.start(() -> traced.child("alone"));
        assertEquals("c", child.await(WAIT));
        SpanData attempt = await(span -> span.getName().equals("traced.child")
                && child.id().equals(span.getAttributes().get(OpenTelemetryTracer.EXECUTION)), 1).get(0);
        assertFalse(attempt.getParentSpanContext().isValid(), "a root span: " + attempt);
        assertTrue(attempt.getTraceId().length() == 32);
    }

    private SpanData one(Predicate<SpanData> which) {
        List<SpanData> found = await(which, 1);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private List<SpanData> await(Predicate<SpanData> which, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<SpanData> found = telemetry.exporter().getFinishedSpanItems().stream().filter(which)
                    .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " spans, got " + found + " of "
                        + telemetry.exporter().getFinishedSpanItems());
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }

    private static void awaitStatus(ExecutionHandle<?> handle, ExecutionStatus status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (handle.status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(handle.id() + " is " + handle.status() + ", not " + status);
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }
}
