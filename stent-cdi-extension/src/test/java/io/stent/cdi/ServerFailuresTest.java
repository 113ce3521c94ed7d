package io.stent.cdi;

import io.stent.ExecutionStatus;
import io.stent.StartOptions;
import io.stent.Stent;
import io.stent.engine.store.ExecutionRecord;
import io.stent.operations.DeadLetter;
import io.stent.operations.DeadLetterFilter;
import io.stent.store.JdbcStore;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failures that are not the application's: the server or the database failing a step or a body
 * never spends an attempt and never dead-letters; stored arguments that no longer fit, and a task
 * whose worker keeps dying, are dead-lettered at once instead of retried. Subclasses choose the
 * database.
 */
abstract class ServerFailuresTest extends WeldDatabaseTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ServerTrouble trouble;
    @Inject
    Calls calls;
    @Inject
    Stent stent;

    private ExecutionRecord record(String id) {
        return TestStores.with(database.dataSource(), store -> store.store().executions().find(id).orElseThrow());
    }

    private DeadLetter deadLetterOf(String executionId) {
        return TestStores.deadLetterOf(database.dataSource(), executionId);
    }

    @Test
    void stepThatTheServerFails_isReleasedWithoutSpendingAttempts_andTheWorkflowCannotCatchIt() {
        String key = key();
        var handle = stent.start(() -> trouble.compensatesAnything(key));
        assertEquals("served", handle.await(WAIT), "one attempt allowed, two failures of the server, no dead letter");
        assertEquals(3, calls.count("contextGone:" + key));
        assertEquals(0, calls.count("caught:" + key), "the workflow's catch block never saw the server's failure");
        assertEquals(1, record(handle.id()).attempts(), "no attempt was spent on the server's failures");
        assertEquals(1, TestStores.steps(database.dataSource(), handle.id()).get(0).attempts());
    }

    @Test
    void bodyThatLosesItsDatabaseConnection_runsAgainWithoutSpendingItsOnlyAttempt() {
        String key = key();
        var handle = stent.start(() -> trouble.losesDatabaseOnce(key));
        assertEquals("reconnected", handle.await(WAIT));
        assertEquals(ExecutionStatus.COMPLETED, handle.status());
        assertEquals(1, record(handle.id()).attempts());
    }

    @Test
    void storedArgumentsThatNoLongerFitTheMethod_areDeadLetteredAtOnce_notRetried() throws Exception {
        var handle = stent.start(() -> trouble.takesNumber(1), StartOptions.defaults().withDelay(Duration.ofHours(1)));
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_execution SET args = '[\"twelve\"]'"
                     + " WHERE id = ?");
             var due = connection.prepareStatement("UPDATE stent_task SET run_at = CURRENT_TIMESTAMP"
                     + " WHERE execution_id = ?")) {
            statement.setString(1, handle.id());
            statement.executeUpdate();
            due.setString(1, handle.id());
            due.executeUpdate();
        }
        awaitStatus(handle.id(), ExecutionStatus.FAILED);
        DeadLetter letter = deadLetterOf(handle.id());
        assertTrue(letter.errorMessage().contains("STENT-2106"), letter.errorMessage());
        assertTrue(letter.errorMessage().contains("twelve"), letter.errorMessage());
        assertTrue(letter.errorMessage().contains("parameter 1") && letter.errorMessage().contains("declared int"),
                "names the parameter by position and type, without -parameters: " + letter.errorMessage());
        assertEquals(1, letter.attempts(), "not retried: the stored text reads the same on every attempt");
    }

    @Test
    void taskWhoseWorkerDiedTooOften_isDeadLetteredInsteadOfTakingMoreServersDown() throws Exception {
        var handle = stent.start(() -> trouble.takesNumber(7), StartOptions.defaults().withDelay(Duration.ofHours(1)));
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_task SET requeues = 20,"
                     + " run_at = CURRENT_TIMESTAMP WHERE execution_id = ?")) {
            statement.setString(1, handle.id());
            statement.executeUpdate();
        }
        awaitStatus(handle.id(), ExecutionStatus.FAILED);
        assertTrue(deadLetterOf(handle.id()).errorMessage().contains("STENT-2107"));
    }

    @Test
    void taskOfAWorkerWhoseProcessIsGoneFromThisHost_isTakenOverAtOnce_notAfterItsHourLongLease() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String ghost = "ghost-" + key();
        var handle = stent.start(() -> trouble.takesNumber(41), StartOptions.defaults().withDelay(Duration.ofHours(1)));
        try (var connection = database.dataSource().getConnection()) {
            String host;
            try (var live = connection.prepareStatement("SELECT host FROM stent_worker WHERE stopped_at IS NULL");
                 var rows = live.executeQuery()) {
                assertTrue(rows.next(), "the test's own worker registered itself");
                host = rows.getString(1);
            }
            // A worker that ran on this host in a process that has ended since, and still leases the task.
            try (var register = connection.prepareStatement("INSERT INTO stent_worker (id, host, pid, lock_key,"
                    + " started_at, heartbeat_at) VALUES (?, ?, ?, 7, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                 var lease = connection.prepareStatement("UPDATE stent_task SET status = 'RUNNING', lease_owner = ?,"
                         + " attempt = 1, lease_expires_at = ?, run_at = CURRENT_TIMESTAMP WHERE execution_id = ?")) {
                register.setString(1, ghost);
                register.setString(2, host);
                register.setLong(3, gone.pid());
                register.executeUpdate();
                lease.setString(1, ghost);
                lease.setObject(2, java.time.OffsetDateTime.now().plusHours(1));
                lease.setString(3, handle.id());
                lease.executeUpdate();
            }
        }
        long started = System.nanoTime();
        assertEquals(41, handle.await(WAIT));
        assertTrue(System.nanoTime() - started < java.util.concurrent.TimeUnit.SECONDS.toNanos(10),
                "taken over within seconds, not after the lease");
        assertEquals(1, record(handle.id()).attempts(), "the dead worker's attempt was given back");
    }

    @Inject
    StentRuntime runtime;
    @Inject
    StentExtension extension;

    @Test
    void executionsThatNoLiveInstanceRuns_areCountedByFunctionAndVersion_andShownInReadiness() {
        String ghost = "Ghost" + key() + ".gone";
        JdbcStore.on(database.dataSource()).store().executions().create(io.stent.engine.store.NewExecution.now(
                java.util.UUID.randomUUID().toString(), ghost, 3, "default", "[]", null));
        var counts = runtime.engine().worker().unrunnableExecutions(true);
        assertEquals(Long.valueOf(1), counts.get(ghost + "@3"), counts.toString());
        assertTrue(counts.keySet().stream().noneMatch(k -> k.startsWith("ServerTrouble.")),
                "functions this instance runs are not reported: " + counts);
        StentHealth readiness = extension.readiness();
        assertTrue(readiness.up(), "it is not this instance's fault");
        assertTrue(String.valueOf(readiness.data().get("unrunnable")).contains(ghost + "@3=1"), readiness.data()
                .toString());
    }

    private void awaitStatus(String id, ExecutionStatus status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (record(id).status() != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + id + " is " + record(id).status() + ", not " + status);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }
}
