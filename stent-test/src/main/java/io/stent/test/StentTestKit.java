package io.stent.test;

import io.stent.ExecutionHandle;
import io.stent.ExecutionStatus;
import io.stent.NonDeterministicWorkflowError;
import io.stent.Stent;
import io.stent.operations.ExecutionDetail;
import io.stent.operations.PageRequest;
import io.stent.operations.StentOperations;
import io.stent.operations.StepView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What a test does with Stent beyond calling its workflows: move the virtual clock, wait until the
 * work that is due has run, send signals, read an execution's steps, and arm simulated crashes.
 * Injected into a {@link StentTest} class's fields ({@code @Inject}) or test method parameters.
 *
 * <p>Time is the database's, as Stent sees it: {@link #advance(Duration)} moves it, and everything
 * that falls due on the way (sleeps, signal-wait timeouts, retries scheduled for later, schedules'
 * fire times, deadlines) runs in order, as if the time had passed.
 */
public final class StentTestKit {

    /** How long {@link #awaitIdle()} waits for the due work to run before it fails the test. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Stent stent;
    private final StentOperations operations;
    private final VirtualClock clock;
    private final DataSource dataSource;
    private final CrashPoints crashes;
    private final HistoryReplay histories;

    StentTestKit(Stent stent, StentOperations operations, VirtualClock clock, DataSource dataSource,
                 CrashPoints crashes, io.stent.engine.store.Store store) {
        this.stent = stent;
        this.operations = operations;
        this.clock = clock;
        this.dataSource = dataSource;
        this.crashes = crashes;
        this.histories = new HistoryReplay(store, dataSource);
    }

    /**
     * The Stent facade of the test's deployment.
     *
     * @return the facade
     */
    public Stent stent() {
        return stent;
    }

    /**
     * The operations API of the test's deployment (executions, dead letters, schedules, replay).
     *
     * @return the operations
     */
    public StentOperations operations() {
        return operations;
    }

    /**
     * The virtual time: the database clock Stent decides with.
     *
     * @return now
     */
    public Instant now() {
        return clock.now();
    }

    /**
     * Moves the clock forward by {@code duration}, running what falls due on the way in order: it
     * waits until nothing due is left, moves the clock to the next moment something is due (a
     * timer, a retry, a schedule's fire time), waits again, and so on up to the end.
     *
     * @param duration how far, not negative
     * @throws io.stent.StentArgumentException for a negative duration
     * @throws AssertionError if due work does not finish within 30 s, or a workflow replayed
     *                        non-deterministically
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new io.stent.StentArgumentException(KitMessages.CLOCK_BACKWARDS, duration);
        }
        awaitIdle();
        Instant end = clock.now().plus(duration);
        while (true) {
            Instant now = clock.now();
            Instant next = nextDue(now);
            Instant to = next != null && next.isBefore(end) ? next : end;
            if (to.isAfter(now)) {
                clock.shift(Duration.between(now, to));
            }
            awaitIdle(); // the worker polls every few milliseconds in a kit test, so it finds what fell due
            if (!to.isBefore(end)) {
                return;
            }
        }
    }

    /**
     * Waits until no task is running, none is due and no schedule is due; fails the test if a
     * workflow replayed non-deterministically meanwhile.
     *
     * @throws AssertionError if that takes longer than 30 s (naming what is left), or on non-determinism
     */
    public void awaitIdle() {
        long deadline = System.nanoTime() + IDLE_TIMEOUT.toNanos();
        while (true) {
            failOnNonDeterminism();
            List<String> busy = busy();
            if (busy.isEmpty() && crashes.running() <= 0) {
                failOnNonDeterminism(); // a task's end reaches the listeners just after its commit
                return;
            }
            if (busy.isEmpty()) {
                busy.add(crashes.running() + " task(s) whose end the worker has not reported yet");
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(KitMessages.NOT_IDLE.format(IDLE_TIMEOUT.toSeconds(), busy));
            }
            LockSupport.parkNanos(2_000_000L);
        }
    }

    /**
     * Waits for an execution's end and gives its result, running what is due; the clock does not move.
     *
     * @param handle the execution
     * @param <T> its result type
     * @return its result
     * @throws AssertionError if it has not ended once nothing is due, or replayed non-deterministically
     */
    public <T> T result(ExecutionHandle<T> handle) {
        awaitIdle();
        ExecutionStatus status = handle.status();
        if (!status.isTerminal()) {
            throw new AssertionError(KitMessages.STILL_WAITING.format(handle.id(), status));
        }
        return handle.result();
    }

    /**
     * Sends a signal to an execution, and waits until the work it makes due has run.
     *
     * @param executionId the execution
     * @param name the signal's name
     * @param payload its payload
     */
    public void signal(String executionId, String name, Object payload) {
        stent.signal(executionId, name, payload);
        awaitIdle();
    }

    /**
     * An execution's recorded steps, in order (sleeps and signal waits included), as the console shows them.
     *
     * @param executionId the execution
     * @return the steps
     */
    public List<StepView> steps(String executionId) {
        List<StepView> all = new ArrayList<>();
        for (int offset = 0; ; offset += PageRequest.MAX_LIMIT) {
            var page = operations.steps(executionId, new PageRequest(offset, PageRequest.MAX_LIMIT, true));
            all.addAll(page.items());
            if (page.items().size() < PageRequest.MAX_LIMIT) {
                return all;
            }
        }
    }

    /**
     * An execution as the console shows it: status, values, error, steps and tasks.
     *
     * @param executionId the execution
     * @return it
     * @throws AssertionError if there is none
     */
    public ExecutionDetail execution(String executionId) {
        return operations.execution(executionId)
                .orElseThrow(() -> new AssertionError(KitMessages.NO_EXECUTION.format(executionId)));
    }

    /**
     * Arms a crash right after the step at {@code position} (such as {@code "2"}, or {@code "2.1"}
     * for the first call inside the second step) has its outcome recorded, in the next execution
     * that gets there: the workflow unwinds as if its server died, and resumes by replay, which
     * returns the recorded step and runs the rest. Once.
     *
     * @param position the step's position
     */
    public void crashAfterStep(String position) {
        crashes.armAfterRecord(position);
    }

    /**
     * Arms a crash after the step at {@code position} returned but before its result is recorded:
     * on resume the step runs again, so a test can check that it is idempotent. Once.
     *
     * @param position the step's position
     */
    public void crashBeforeStepRecorded(String position) {
        crashes.armBeforeRecord(position);
    }

    /**
     * How many armed crashes have fired since the test began.
     *
     * @return the count
     */
    public int crashes() {
        return crashes.fired();
    }

    /**
     * Replays a recorded execution against the code under test, as a new deployment would replay
     * it: a copy of it with its completed and failed steps is run until nothing is due, its steps
     * returning their recorded results without running. Fails the test, naming the position and both
     * functions, if the code makes different durable calls than the history (a change that would
     * break executions in flight).
     *
     * @param exported one line of an export ({@code stent-cli executions export}, the console's
     *                 Export, {@code GET /api/executions/export})
     * @return the copy, which may have completed, or wait where the history waited
     * @throws AssertionError on non-determinism, or if the line is not an export
     */
    public ExecutionHandle<Object> replay(String exported) {
        return replay(histories.parse(exported));
    }

    /**
     * Replays a recorded execution against the code under test; see {@link #replay(String)}.
     *
     * @param exported the execution, as {@code StentOperations.exportExecutions} gives it
     * @return the copy
     * @throws AssertionError on non-determinism
     */
    public ExecutionHandle<Object> replay(io.stent.operations.ExecutionExport exported) {
        awaitIdle();
        String copy = histories.load(exported);
        awaitIdle();
        return stent.handle(copy, Object.class);
    }

    /** Makes a new test start clean: nothing armed, no execution, no schedule made at run time. */
    void reset() {
        awaitIdle();
        crashes.reset();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("stent_execution_tag", "stent_signal", "stent_dead_letter", "stent_step",
                    "stent_task", "stent_execution", "stent_cache", "stent_audit", "stent_bulk_replay",
                    "stent_retention_run")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
            statement.executeUpdate("DELETE FROM stent_schedule WHERE declared = FALSE");
        } catch (SQLException e) {
            throw new io.stent.StentException(KitMessages.CLEAN_UP, e, "clear the database between tests");
        }
    }

    private void failOnNonDeterminism() {
        NonDeterministicWorkflowError error = crashes.takeNonDeterminism();
        if (error != null) {
            throw new AssertionError(KitMessages.NON_DETERMINISTIC.format(error.getMessage()), error);
        }
    }

    /** What keeps the kit from being idle: running or due tasks, due schedules. */
    private List<String> busy() {
        List<String> busy = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Schedules first: a fire commits its new fire time and its execution's task together,
            // so a schedule read as no longer due is always followed by a task read that sees the
            // task (or finds it done). Read the other way round, a fire that commits between the two
            // reads looked like nothing left to do.
            try (ResultSet rows = statement.executeQuery("SELECT name FROM stent_schedule WHERE paused = FALSE"
                    + " AND next_fire_at <= CURRENT_TIMESTAMP")) {
                while (rows.next()) {
                    busy.add("due schedule " + rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT function_name, status FROM stent_task WHERE"
                    + " status = 'RUNNING' OR (status = 'READY' AND run_at <= CURRENT_TIMESTAMP)")) {
                while (rows.next()) {
                    busy.add(rows.getString(2).toLowerCase(java.util.Locale.ROOT) + " task of " + rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new io.stent.StentException(KitMessages.DATABASE, e, "read the database");
        }
        return busy;
    }

    /** The next moment after {@code now} that a task or a schedule falls due, or null. */
    private Instant nextDue(Instant now) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MIN(t) FROM (SELECT MIN(run_at) AS t FROM stent_task"
                     + " WHERE status = 'READY' AND run_at > CURRENT_TIMESTAMP UNION ALL SELECT MIN(next_fire_at)"
                     + " FROM stent_schedule WHERE paused = FALSE AND next_fire_at > CURRENT_TIMESTAMP) AS due")) {
            rows.next();
            OffsetDateTime next = rows.getObject(1, OffsetDateTime.class);
            return next == null || !next.toInstant().isAfter(now) ? null : next.toInstant();
        } catch (SQLException e) {
            throw new io.stent.StentException(KitMessages.DATABASE, e, "read the database");
        }
    }
}
