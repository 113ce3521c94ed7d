package io.stent.cdi;

import io.stent.ExecutionCancelledException;
import io.stent.ExecutionExpiredException;
import io.stent.ExecutionFinishedException;
import io.stent.ExecutionHandle;
import io.stent.ExecutionNotFoundException;
import io.stent.ExecutionStatus;
import io.stent.StartOptions;
import io.stent.Stent;
import io.stent.engine.store.StepRecord;
import io.stent.engine.store.StepStatus;
import io.stent.store.JdbcStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Waiting without holding a thread: durable sleep, signals, delayed starts, deadlines,
 * cancellation and step timeouts, on a real database. Instead of waiting for hours, tests move
 * the stored wake times, due times and deadlines into the past ("time travel").
 */
abstract class SuspensionTest extends WeldDatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Workflows workflows;
    @Inject
    Calls calls;
    @Inject
    Stent stent;

    private void awaitStatus(ExecutionHandle<?> handle, ExecutionStatus status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (handle.status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + handle.id() + " is " + handle.status() + ", not " + status);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /**
     * Lets a day pass for one execution: moves all its stored times (wake times, due time,
     * deadline) a day into the past, as if the database clock had jumped ahead.
     */
    private void timeTravel(String executionId) throws Exception {
        update(executionId, "UPDATE stent_step SET wake_at = wake_at - INTERVAL '1' DAY"
                + " WHERE execution_id = ? AND status = 'WAITING'");
        update(executionId, "UPDATE stent_execution SET deadline_at = deadline_at - INTERVAL '1' DAY WHERE id = ?");
        update(executionId, "UPDATE stent_task SET run_at = run_at - INTERVAL '1' DAY WHERE execution_id = ?"
                + " AND status = 'READY'");
    }

    private void update(String executionId, String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, executionId);
            statement.executeUpdate();
        }
    }

    private List<StepRecord> steps(String executionId) {
        return JdbcStore.on(database.dataSource()).store().steps().list(executionId);
    }

    @Test
    void shortSleep_blocks_andIsRecorded() {
        String key = key();
        var handle = stent.start(() -> workflows.sleeper(key, 50));
        assertEquals("beta", handle.await(WAIT));
        StepRecord sleep = steps(handle.id()).get(1);
        assertEquals("stent.sleep", sleep.functionName());
        assertEquals(StepStatus.COMPLETED, sleep.status());
    }

    @Test
    void longSleep_suspendsWithoutThread_andResumesByReplayWhenDue() throws Exception {
        String key = key();
        var handle = stent.start(() -> workflows.sleeper(key, Duration.ofHours(1).toMillis()));
        awaitStatus(handle, ExecutionStatus.SUSPENDED);
        StepRecord sleep = steps(handle.id()).stream().filter(s -> s.seq() == 2).findFirst().orElseThrow();
        assertEquals(StepStatus.WAITING, sleep.status());
        assertTrue(sleep.wakeAt() != null);
        timeTravel(handle.id());
        assertEquals("beta", handle.await(WAIT));
        assertEquals(1, calls.count("reserve:" + key), "the step before the sleep ran once");
        assertEquals(StepStatus.COMPLETED, steps(handle.id()).stream().filter(s -> s.seq() == 2).findFirst()
                .orElseThrow().status());
    }

    @Test
    void sleepOutsideAnExecution_isAClearError() {
        io.stent.StentException error = assertThrows(io.stent.StentException.class, () -> stent.sleep(Duration.ZERO));
        assertTrue(error.getMessage().contains("STENT-1108"), error.getMessage());
    }

    @Test
    void signal_wakesTheWaitingWorkflow_andDeliversItsPayload() {
        String key = key();
        var handle = stent.start(() -> workflows.approval(key));
        awaitStatus(handle, ExecutionStatus.SUSPENDED);
        handle.signal("approval", "alice");
        assertEquals("approved by alice", handle.await(WAIT));
        assertEquals(1, calls.count("reserve:" + key));
    }

    @Test
    void signalSentBeforeTheWait_isNotLost() throws Exception {
        String key = key();
        var handle = stent.start(() -> workflows.approval(key), StartOptions.defaults().withDelay(Duration.ofHours(1)));
        stent.signal(handle.id(), "approval", "bob");
        assertEquals(ExecutionStatus.PENDING, handle.status());
        timeTravel(handle.id());
        assertEquals("approved by bob", handle.await(WAIT));
    }

    @Test
    void signalTimeout_isThrownInTheWorkflow_andRecorded() throws Exception {
        String key = key();
        var handle = stent.start(() -> workflows.approval(key));
        awaitStatus(handle, ExecutionStatus.SUSPENDED);
        timeTravel(handle.id());
        assertEquals("timed out", handle.await(WAIT));
        StepRecord wait = steps(handle.id()).stream().filter(s -> s.seq() == 2).findFirst().orElseThrow();
        assertEquals("stent.signal:approval", wait.functionName());
        assertEquals(StepStatus.FAILED, wait.status());
    }

    @Test
    void signalToUnknownOrFinishedExecution_isAClearError() {
        assertThrows(ExecutionNotFoundException.class, () -> stent.signal("no-such-id", "approval", "x"));
        String order = key();
        var handle = stent.start(() -> workflows.order(order, 1));
        handle.await(WAIT);
        ExecutionFinishedException error = assertThrows(ExecutionFinishedException.class,
                () -> handle.signal("approval", "late"));
        assertTrue(error.getMessage().contains("STENT-1409"));
    }

    @Test
    void delayedStart_runsOnlyWhenDue() throws Exception {
        String order = key();
        var handle = stent.start(() -> workflows.order(order, 1), StartOptions.defaults().withDelay(Duration.ofHours(1)));
        assertEquals(ExecutionStatus.PENDING, handle.status());
        assertEquals(0, calls.count("order:" + order));
        timeTravel(handle.id());
        assertEquals("shipped R-" + order + " 2", handle.await(WAIT));
    }

    @Test
    void cancelPendingExecution_neverRuns() {
        String order = key();
        var handle = stent.start(() -> workflows.order(order, 1), StartOptions.defaults().withDelay(Duration.ofHours(1)));
        handle.cancel();
        assertEquals(ExecutionStatus.CANCELLED, handle.status());
        assertThrows(ExecutionCancelledException.class, () -> handle.await(WAIT));
        assertEquals(0, calls.count("order:" + order));
        handle.cancel();
    }

    @Test
    void cancelWaitingExecution_wakesIt_theWorkflowCompensates_andEndsCancelled() {
        String key = key();
        var handle = stent.start(() -> workflows.approval(key));
        awaitStatus(handle, ExecutionStatus.SUSPENDED);
        handle.cancel();
        assertThrows(ExecutionCancelledException.class, () -> handle.await(WAIT));
        assertEquals(ExecutionStatus.CANCELLED, handle.status());
        assertEquals(1, calls.count("alpha:" + key), "the compensating step ran");
    }

    @Test
    void cancelRunningExecution_stopsAtItsNextDurableCall() throws Exception {
        String key = key();
        var handle = stent.start(() -> workflows.blocked(key));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (calls.count("block:" + key) == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        stent.cancel(handle.id());
        assertEquals(ExecutionStatus.CANCELLING, handle.status());
        calls.open(key);
        assertThrows(ExecutionCancelledException.class, () -> handle.await(WAIT));
        assertEquals(0, calls.count("beta:" + key), "the next step did not run");
    }

    @Test
    void cancelFinishedExecution_isAClearError() {
        String order = key();
        var finished = stent.start(() -> workflows.order(order, 1));
        finished.await(WAIT);
        ExecutionFinishedException error = assertThrows(ExecutionFinishedException.class, finished::cancel);
        assertTrue(error.getMessage().contains("cannot cancel"), error.getMessage());
        assertThrows(ExecutionNotFoundException.class, () -> stent.cancel("no-such-id"));
    }

    @Test
    void deadlinePassedWhileWaiting_expiresTheExecution() throws Exception {
        String key = key();
        var handle = stent.start(() -> workflows.approval(key), StartOptions.defaults().withDeadline(Duration.ofHours(2)));
        awaitStatus(handle, ExecutionStatus.SUSPENDED);
        update(handle.id(), "UPDATE stent_execution SET deadline_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
                + " WHERE id = ?");
        timeTravel(handle.id());
        assertThrows(ExecutionExpiredException.class, () -> handle.await(WAIT));
        assertEquals(ExecutionStatus.EXPIRED, handle.status());
    }

    @Test
    void deadlinePassedBeforeStart_executionNeverRuns() throws Exception {
        String order = key();
        var handle = stent.start(() -> workflows.order(order, 1), StartOptions.defaults()
                .withDelay(Duration.ofHours(1)).withDeadline(Duration.ofMinutes(30)));
        timeTravel(handle.id());
        assertThrows(ExecutionExpiredException.class, () -> handle.await(WAIT));
        assertEquals(0, calls.count("order:" + order));
    }

    @Test
    void stepTimeout_interruptsEachAttempt_andFailsAsStepTimeoutException() {
        String key = key();
        var handle = stent.start(() -> workflows.slowStep(key));
        assertEquals("timed out", handle.await(WAIT));
        assertEquals(2, calls.count("slow:" + key), "two attempts, each cut off");
        StepRecord step = steps(handle.id()).get(0);
        assertEquals(StepStatus.FAILED, step.status());
        assertTrue(step.output().contains("StepTimeoutException"), step.output());
    }
}
