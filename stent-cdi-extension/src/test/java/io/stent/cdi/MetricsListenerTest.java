package io.stent.cdi;

import io.stent.ExecutionInfo;
import io.stent.engine.store.ClaimGroup;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.FunctionKey;
import io.stent.engine.store.TaskClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the metrics listener and the timed claims report to a meter. */
class MetricsListenerTest {

    /** Records every call. */
    private static final class RecordingMeter implements StentMeter {
        final java.util.List<java.util.Map<String, Long>> unrunnable = new java.util.ArrayList<>();

        @Override
        public void unrunnable(java.util.Map<String, Long> byFunctionAndVersion) {
            unrunnable.add(byFunctionAndVersion);
        }

        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Long> stepNanos = new CopyOnWriteArrayList<>();
        final List<Long> claimNanos = new CopyOnWriteArrayList<>();

        @Override
        public void retentionDeleted(String kind, long count) {
            events.add("retention " + kind + " " + count);
        }

        @Override
        public void taskStarted(String function) {
            events.add("started " + function);
        }

        @Override
        public void taskFinished(String function, String outcome) {
            events.add("finished " + function + " " + outcome);
        }

        @Override
        public void stepFinished(String function, long nanos) {
            events.add("step " + function);
            stepNanos.add(nanos);
        }

        @Override
        public void claimed(long nanos) {
            claimNanos.add(nanos);
        }
    }

    private final RecordingMeter meter = new RecordingMeter();

    private static ExecutionInfo info(String function) {
        return new ExecutionInfo("e", "t", function, 1, "");
    }

    @Test
    void tasksAreCountedByOutcome_andNestedStepsTimedInnerFirst() {
        MetricsListener listener = new MetricsListener(meter);
        listener.taskStarted(info("order"));
        listener.stepStarted(info("charge"));
        listener.stepStarted(info("audit"));
        LockSupport.parkNanos(2_000_000);
        listener.stepFinished(info("audit"), null);
        LockSupport.parkNanos(2_000_000);
        listener.stepFinished(info("charge"), new IllegalStateException("declined"));
        listener.taskFinished(info("order"), "RETRY", new IllegalStateException("declined"));
        assertEquals(List.of("started order", "step audit", "step charge", "finished order RETRY"), meter.events);
        assertTrue(meter.stepNanos.get(0) >= 2_000_000, "the inner step ran at least 2 ms: " + meter.stepNanos);
        assertTrue(meter.stepNanos.get(1) >= meter.stepNanos.get(0) + 2_000_000,
                "the outer step includes the inner one: " + meter.stepNanos);
    }

    @Test
    void everyClaimIsTimed_alsoOneThatFails() {
        ClaimedTask task = new ClaimedTask("t", "e", "f", 1, 1, "[]", java.time.OffsetDateTime.now(), null, false,
                null, true);
        TaskClaims store = new TaskClaims() {
            @Override
            public List<ClaimedTask> claim(String owner, Collection<FunctionKey> functions, int limit, Duration lease) {
                return List.of(task);
            }

            @Override
            public List<ClaimedTask> claimLimited(String owner, ClaimGroup group, int limit, Duration lease) {
                throw new IllegalStateException("database down");
            }

            @Override
            public int renewLeases(String owner, Duration lease) {
                return 3;
            }

            @Override
            public Set<String> cancelRequested(Collection<String> executionIds) {
                return Set.of("e");
            }

            @Override
            public int recoverExpiredLeases() {
                return 2;
            }

            @Override
            public boolean release(String taskId, String owner) {
                return true;
            }

            @Override
            public void ping() {
                // the scripted database always answers
            }
        };
        TimedClaims timed = new TimedClaims(store, meter);
        assertEquals(List.of(task), timed.claim("w", List.of(), 1, Duration.ofSeconds(30)));
        assertThrows(IllegalStateException.class, () -> timed.claimLimited("w", null, 1, Duration.ofSeconds(30)));
        assertEquals(2, meter.claimNanos.size(), "both claims were timed: " + meter.claimNanos);
        assertEquals(3, timed.renewLeases("w", Duration.ofSeconds(30)));
        assertEquals(Set.of("e"), timed.cancelRequested(List.of("e")));
        assertEquals(2, timed.recoverExpiredLeases());
        assertTrue(timed.release("t", "w"));
        assertEquals(2, meter.claimNanos.size(), "only claims are timed");
    }
}
