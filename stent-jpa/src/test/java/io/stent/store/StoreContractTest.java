package io.stent.store;

import io.stent.operations.DeadLetter;
import io.stent.operations.DeadLetterFilter;
import io.stent.ExecutionStatus;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.SignalStore;
import io.stent.engine.store.NewExecution;
import io.stent.engine.store.StepRecord;
import io.stent.engine.store.StepStatus;
import io.stent.engine.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every store dialect must have. Each subclass runs it on one database; every test
 * uses its own function names so that tests do not see each other's tasks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractTest {

    static final Duration LEASE = Duration.ofSeconds(30);

    TestDatabase database;
    private JdbcStore jdbcStore;
    Store store;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void setUp() {
        database = createDatabase();
        jdbcStore = JdbcStore.on(database.dataSource());
        jdbcStore.migrator().migrate("test");
        store = jdbcStore.store();
    }

    @AfterAll
    void tearDown() {
        database.close();
    }

    static List<io.stent.engine.store.FunctionKey> k(String function) {
        return List.of(new io.stent.engine.store.FunctionKey(function, 1));
    }

    String fn() {
        return "fn-" + UUID.randomUUID();
    }

    String start(String function) {
        return start(function, null);
    }

    String start(String function, String key) {
        return store.executions().create(NewExecution.now(UUID.randomUUID().toString(), function, 1, "default",
                "[1]", key));
    }

    @Test
    void migrate_secondRun_isNoOpAtLatestVersion() {
        assertEquals(SchemaMigrator.expectedVersion(), jdbcStore.migrator().migrate("again"));
        assertEquals(SchemaMigrator.expectedVersion(), jdbcStore.migrator().currentVersion());
    }

    @Test
    void clockDrift_ofLocalDatabase_isSmall() {
        assertTrue(jdbcStore.clockDrift().abs().toMillis() < 1000, "drift " + jdbcStore.clockDrift());
    }

    @Test
    void create_persistsPendingExecutionWithArguments() {
        String function = fn();
        String id = start(function);
        var record = store.executions().find(id).orElseThrow();
        assertEquals(ExecutionStatus.PENDING, record.status());
        assertEquals(function, record.functionName());
        assertEquals("[1]", record.arguments());
        assertTrue(record.createdAt() != null);
        assertTrue(store.executions().find("missing").isEmpty());
    }

    @Test
    void create_sameIdempotencyKey_returnsFirstExecution() {
        String function = fn();
        String key = "key-" + UUID.randomUUID();
        String first = start(function, key);
        String second = start(function, key);
        assertEquals(first, second);
        assertEquals(1, store.claims().claim("w", k(function), 10, LEASE).size());
    }

    @Test
    void claim_marksTaskAndExecutionRunning_andNeverTwice() {
        String function = fn();
        String id = start(function);
        List<ClaimedTask> claimed = store.claims().claim("w1", k(function), 10, LEASE);
        assertEquals(1, claimed.size());
        assertEquals(id, claimed.get(0).executionId());
        assertEquals(1, claimed.get(0).attempt());
        assertEquals("[1]", claimed.get(0).arguments());
        assertEquals(ExecutionStatus.RUNNING, store.executions().find(id).orElseThrow().status());
        assertTrue(store.claims().claim("w2", k(function), 10, LEASE).isEmpty());
    }

    @Test
    void runningExecution_isRunningInEveryRead_andItsRowGetsTheAttemptWhenTheAttemptEnds() throws Exception {
        String function = fn();
        String id = start(function);
        ClaimedTask first = store.claims().claim("w", k(function), 10, LEASE).get(0);
        assertEquals(ExecutionStatus.RUNNING, store.executions().find(id).orElseThrow().status());
        assertEquals(1, store.executions().find(id).orElseThrow().attempts());
        assertTrue(listed(ExecutionStatus.RUNNING).contains(id));
        assertFalse(listed(ExecutionStatus.PENDING).contains(id));

        assertTrue(store.completions().retryLater(first, "w", Duration.ZERO, "{}"));
        assertEquals(ExecutionStatus.PENDING, store.executions().find(id).orElseThrow().status(), "waiting to retry");
        assertEquals(1, store.executions().find(id).orElseThrow().attempts());
        ClaimedTask second = store.claims().claim("w", k(function), 10, LEASE).get(0);
        assertEquals(2, store.executions().find(id).orElseThrow().attempts());
        assertTrue(store.completions().suspend(second, "w", second.claimedAt().plusHours(1), null, List.of()));
        assertEquals(ExecutionStatus.SUSPENDED, store.executions().find(id).orElseThrow().status());
        assertFalse(listed(ExecutionStatus.RUNNING).contains(id));

        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_task SET run_at = CURRENT_TIMESTAMP"
                     + " WHERE execution_id = ?")) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
        ClaimedTask resumed = store.claims().claim("w", k(function), 10, LEASE).get(0);
        assertEquals(ExecutionStatus.RUNNING, store.executions().find(id).orElseThrow().status(), "resumed");
        assertEquals(java.util.Map.of(resumed.id(), ExecutionStatus.COMPLETED), store.completions().completeAll(
                List.of(new io.stent.engine.store.TaskCompletion.Completion(resumed, "7")), "w"));
        var record = store.executions().find(id).orElseThrow();
        assertEquals(ExecutionStatus.COMPLETED, record.status());
        assertEquals(2, record.attempts(), "a suspension does not count as an attempt");
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("SELECT started_at FROM stent_execution WHERE id = ?")) {
            statement.setString(1, id);
            try (var rows = statement.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(first.claimedAt().toInstant(), rows.getObject(1, java.time.OffsetDateTime.class)
                        .toInstant(), "started when first claimed");
            }
        }
    }

    private List<String> listed(ExecutionStatus status) {
        return jdbcStore.queries().executions(io.stent.operations.ExecutionFilter.all().withStatus(status),
                io.stent.operations.ExecutionSort.CREATED_AT, io.stent.operations.PageRequest.first(500)).items()
                .stream().map(io.stent.operations.ExecutionSummary::id).toList();
    }

    /** A page of dead letters, newest first. */
    List<DeadLetter> letters(DeadLetterFilter filter, int limit, int offset) {
        return jdbcStore.queries().deadLetters(filter, io.stent.operations.DeadLetterSort.FAILED_AT,
                new io.stent.operations.PageRequest(offset, limit, false)).items();
    }

    @Test
    void claim_onlyTakesFunctionsTheWorkerServes() {
        String mine = fn();
        String other = fn();
        start(other);
        assertTrue(store.claims().claim("w", k(mine), 10, LEASE).isEmpty());
        assertEquals(1, store.claims().claim("w", k(other), 10, LEASE).size());
    }

    @Test
    void claim_respectsBatchLimit() {
        String function = fn();
        for (int i = 0; i < 5; i++) {
            start(function);
        }
        assertEquals(3, store.claims().claim("w", k(function), 3, LEASE).size());
        assertEquals(2, store.claims().claim("w", k(function), 3, LEASE).size());
    }

    @Test
    void concurrentClaims_claimEveryTaskExactlyOnce() throws Exception {
        String function = fn();
        int count = 200;
        for (int i = 0; i < count; i++) {
            start(function);
        }
        int workers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String owner = "worker-" + w;
            results.add(pool.submit(() -> {
                go.await();
                List<String> mine = new ArrayList<>();
                while (true) {
                    List<ClaimedTask> batch = store.claims().claim(owner, k(function), 7, LEASE);
                    if (batch.isEmpty()) {
                        return mine;
                    }
                    batch.forEach(task -> mine.add(task.id()));
                }
            }));
        }
        go.countDown();
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<String>> result : results) {
            all.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(count, all.size(), "every task claimed");
        assertEquals(count, new HashSet<>(all).size(), "no task claimed twice");
    }

    @Test
    void expiredLease_isRecovered_givingTheDeadWorkersAttemptBack_andCountingARequeue() throws Exception {
        String function = fn();
        start(function);
        ClaimedTask first = store.claims().claim("dead", k(function), 1, Duration.ofMillis(1)).get(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int recovered = 0;
        while (recovered == 0 && System.nanoTime() < deadline) {
            recovered = store.claims().recoverExpiredLeases();
        }
        assertTrue(recovered >= 1, "the expired lease is recovered");
        ClaimedTask second = store.claims().claim("alive", k(function), 1, LEASE).get(0);
        assertEquals(first.id(), second.id());
        assertEquals(1, second.attempt(), "the attempt the dead worker ran is not spent");
        assertEquals(1, second.requeues());
        assertFalse(store.completions().finish(first, "dead", ExecutionStatus.COMPLETED, "1", null),
                "the old owner is fenced off");
        assertTrue(store.completions().finish(second, "alive", ExecutionStatus.COMPLETED, "1", null));
    }

    @Test
    void renewLeases_extendsOnlyTheOwnersRunningTasks() {
        String function = fn();
        start(function);
        start(function);
        store.claims().claim("renewer-" + function, k(function), 2, LEASE);
        assertEquals(2, store.claims().renewLeases("renewer-" + function, LEASE));
        assertEquals(0, store.claims().renewLeases("nobody-" + function, LEASE));
    }

    @Test
    void renewLeases_skipsATaskAnotherTransactionHolds_insteadOfWaitingForIt() throws Exception {
        String function = fn();
        start(function);
        start(function);
        List<ClaimedTask> tasks = store.claims().claim("renewer-" + function, k(function), 2, LEASE);
        try (java.sql.Connection holder = database.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT id FROM stent_task WHERE id = ? FOR UPDATE")) {
                lock.setString(1, tasks.get(0).id());
                lock.executeQuery().close();
            }
            // a completion holding a row must not make the heartbeat wait (or deadlock with it)
            assertEquals(1, store.claims().renewLeases("renewer-" + function, LEASE));
            holder.rollback();
        }
        assertEquals(2, store.claims().renewLeases("renewer-" + function, LEASE));
    }

    @Test
    void complete_byOwner_finishesExecution_otherOwnerIsRefused() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("owner", k(function), 1, LEASE).get(0);
        assertFalse(store.completions().finish(task, "intruder", ExecutionStatus.COMPLETED, "\"no\"", null));
        assertTrue(store.completions().finish(task, "owner", ExecutionStatus.COMPLETED, "\"yes\"", null));
        var record = store.executions().find(id).orElseThrow();
        assertEquals(ExecutionStatus.COMPLETED, record.status());
        assertEquals("\"yes\"", record.result());
        assertTrue(record.finishedAt() != null);
        assertFalse(store.completions().finish(task, "owner", ExecutionStatus.COMPLETED, "\"again\"", null),
                "a finished task cannot finish twice");
    }

    @Test
    void fail_recordsErrorAndFailsExecution() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("owner", k(function), 1, LEASE).get(0);
        assertTrue(store.completions().finish(task, "owner", ExecutionStatus.FAILED, null, "{\"className\":\"X\"}"));
        var record = store.executions().find(id).orElseThrow();
        assertEquals(ExecutionStatus.FAILED, record.status());
        assertEquals("{\"className\":\"X\"}", record.error());
        assertNull(record.result());
    }

    @Test
    void retryLater_makesTaskDueOnlyAfterDelay() {
        String function = fn();
        String later = start(function);
        ClaimedTask task = store.claims().claim("owner", k(function), 1, LEASE).get(0);
        assertTrue(store.completions().retryLater(task, "owner", Duration.ofHours(1), "{}"));
        assertTrue(store.claims().claim("owner", k(function), 1, LEASE).isEmpty(), "not due for an hour");
        assertEquals("{}", store.executions().find(later).orElseThrow().error());

        String function2 = fn();
        start(function2);
        ClaimedTask task2 = store.claims().claim("owner", k(function2), 1, LEASE).get(0);
        assertTrue(store.completions().retryLater(task2, "owner", Duration.ZERO, "{}"));
        ClaimedTask again = store.claims().claim("owner", k(function2), 1, LEASE).get(0);
        assertEquals(2, again.attempt());
    }

    @Test
    void defer_givesTheAttemptBack_makesTheTaskDueAfterTheDelay_andRecordsWhy() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("owner", k(function), 1, LEASE).get(0);
        assertFalse(store.completions().defer(task, "intruder", Duration.ZERO, "{}"), "fenced by the lease");
        assertTrue(store.completions().defer(task, "owner", Duration.ofHours(1), "{\"className\":\"Down\"}"));
        assertTrue(store.claims().claim("owner", k(function), 1, LEASE).isEmpty(), "not due for an hour");
        assertEquals("{\"className\":\"Down\"}", store.executions().find(id).orElseThrow().error());

        String function2 = fn();
        start(function2);
        ClaimedTask first = store.claims().claim("owner", k(function2), 1, LEASE).get(0);
        assertTrue(store.completions().defer(first, "owner", Duration.ZERO, "{}"));
        assertEquals(1, store.claims().claim("owner", k(function2), 1, LEASE).get(0).attempt(),
                "the deferred attempt is not spent");
    }

    @Test
    void anAttemptThatEndsNormally_resetsTheRequeueCount() throws Exception {
        String function = fn();
        start(function);
        store.claims().claim("dead", k(function), 1, Duration.ofMillis(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.claims().recoverExpiredLeases() == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        ClaimedTask recovered = store.claims().claim("alive", k(function), 1, LEASE).get(0);
        assertEquals(1, recovered.requeues());
        assertTrue(store.completions().retryLater(recovered, "alive", Duration.ZERO, "{}"));
        assertEquals(0, store.claims().claim("alive", k(function), 1, LEASE).get(0).requeues());
    }

    static io.stent.engine.store.WorkerRecord worker(String id, long lockKey) {
        return new io.stent.engine.store.WorkerRecord(id, "elsewhere", 4242, null, lockKey, null, null, null, null,
                null, null);
    }

    /** Moves a worker's last sign of life an hour back, as if it went silent then. */
    void silenceWorker(String id) throws Exception {
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_worker SET heartbeat_at = ? WHERE id = ?")) {
            statement.setObject(1, java.time.OffsetDateTime.now().minusHours(1));
            statement.setString(2, id);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private static io.stent.engine.store.ScheduleRecord schedule(String name, String function, String cron,
                                                                 java.time.Instant next) {
        return new io.stent.engine.store.ScheduleRecord(name, function, 1, "default", 0, java.util.Set.of(), "[]", cron,
                "UTC", "SKIP", "LATEST", 10,
                60_000, true, false, next, null, null, null, 0, 0, false);
    }

    /** Moves a schedule's next fire time, as if the database clock had moved past it. */
    private void moveNextFire(String name, java.time.Instant next) throws Exception {
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_schedule SET next_fire_at = ? WHERE name = ?")) {
            statement.setObject(1, next.atOffset(java.time.ZoneOffset.UTC));
            statement.setString(2, name);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private io.stent.engine.store.ScheduleRecord dueOne(String name) {
        return store.schedules().due(1000).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void schedules_saveKeepsTheStateOfAnUnchangedSchedule_andRefiresOneWhoseTimesChanged() {
        String name = "nightly-" + UUID.randomUUID();
        var schedules = store.schedules();
        java.time.Instant next = schedules.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertTrue(schedules.save(schedule(name, "reports.nightly", "0 3 * * *", next)));
        assertFalse(schedules.save(schedule(name, "reports.nightly", "0 3 * * *", next.plusSeconds(60))),
                "the same definition: nothing to write");
        assertEquals(next, schedules.find(name).orElseThrow().nextFireAt());
        var changedPolicy = new io.stent.engine.store.ScheduleRecord(name, "reports.nightly", 1, "default", 0,
                java.util.Set.of(), "[]", "0 3 * * *", "UTC", "BUFFER_ONE", "LATEST", 10, 60_000, true, false, next.plusSeconds(60), null, null, null, 0, 0, false);
        assertTrue(schedules.save(changedPolicy));
        assertEquals("BUFFER_ONE", schedules.find(name).orElseThrow().overlap());
        assertEquals(next, schedules.find(name).orElseThrow().nextFireAt(), "the same times: it keeps its next one");
        assertTrue(schedules.save(schedule(name, "reports.nightly", "0 4 * * *", next.plusSeconds(3600))));
        assertEquals(next.plusSeconds(3600), schedules.find(name).orElseThrow().nextFireAt(), "new times: refired");
        assertTrue(schedules.all().stream().anyMatch(s -> s.name().equals(name)));
        var tagged = new io.stent.engine.store.ScheduleRecord(name, "reports.nightly", 2, "reports", 7,
                java.util.Set.of("gpu", "eu"), "[\"x\"]", "0 4 * * *", "Europe/Berlin", "SKIP", "ALL", 4, 30_000, true,
                false, next, null, null, null, 0, 0, false);
        assertTrue(schedules.save(tagged), "a new function version, queue, priority, tags and zone");
        var stored = schedules.find(name).orElseThrow();
        assertEquals(2, stored.functionVersion());
        assertEquals("reports", stored.queue());
        assertEquals(7, stored.priority());
        assertEquals(java.util.Set.of("gpu", "eu"), stored.tags());
        assertEquals("[\"x\"]", stored.arguments());
        assertEquals("Europe/Berlin", stored.zone());
        assertEquals(4, stored.catchUpLimit());
        assertEquals(30_000, stored.graceMillis());
        assertTrue(schedules.delete(name));
        assertTrue(schedules.find(name).isEmpty());
        assertFalse(schedules.delete(name));
    }

    @Test
    void schedules_aRoundAppliedByTwoInstances_startsItsExecutionOnce() throws Exception {
        String function = fn();
        String name = "race-" + function;
        var schedules = store.schedules();
        java.time.Instant fire = schedules.now().minusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        schedules.save(schedule(name, function, "* * * * * *", fire.plusSeconds(3600)));
        moveNextFire(name, fire);
        var seen = dueOne(name);
        assertEquals(fire, seen.nextFireAt());
        assertFalse(seen.previousRunning());
        String key = "stent-schedule:" + name + "@" + fire;
        NewExecution first = new NewExecution(UUID.randomUUID().toString(), function, 1, "default", "[]", key,
                Duration.ZERO, null, null, null, 0);
        NewExecution second = new NewExecution(UUID.randomUUID().toString(), function, 1, "default", "[]", key,
                Duration.ZERO, null, null, null, 0);
        java.time.Instant next = fire.plusSeconds(1);
        assertTrue(schedules.fire(seen, next, null, List.of(first), fire, 0), "the first instance moves it");
        assertFalse(schedules.fire(seen, next, null, List.of(second), fire, 0), "the second finds it moved");
        assertEquals(1, store.claims().claim("w", k(function), 10, LEASE).size(), "one execution for the fire time");
        var after = schedules.find(name).orElseThrow();
        assertEquals(next, after.nextFireAt());
        assertEquals(first.id(), after.lastExecutionId());
        assertEquals(fire, after.lastFireAt());
        assertEquals(1, after.fires());
        assertTrue(after.previousRunning(), "its execution runs");
        schedules.delete(name);
    }

    @Test
    void schedules_pausedOnesAreNotDue_aTriggerStartsOneNow_andTheLastExecutionsEndIsSeen() throws Exception {
        String function = fn();
        String name = "paused-" + function;
        var schedules = store.schedules();
        java.time.Instant past = schedules.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        schedules.save(schedule(name, function, "0 * * * * *", past));
        assertEquals(past, dueOne(name).nextFireAt(), "due: its fire time has passed");
        assertTrue(schedules.setPaused(name, true, null));
        assertTrue(store.schedules().due(1000).stream().noneMatch(s -> s.name().equals(name)), "paused");
        var paused = schedules.find(name).orElseThrow();
        assertTrue(paused.paused());
        assertFalse(schedules.fire(paused, past.plusSeconds(60), null, List.of(), null, 1),
                "a round read before the pause changes nothing after it");
        java.time.Instant resumed = schedules.now().plusSeconds(30);
        assertTrue(schedules.setPaused(name, false, resumed));
        assertEquals(resumed.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                schedules.find(name).orElseThrow().nextFireAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        NewExecution now = new NewExecution(UUID.randomUUID().toString(), function, 1, "default", "[]",
                "stent-schedule:" + name + "@manual-1", Duration.ZERO, null, null, null, 0);
        assertTrue(schedules.trigger(name, now));
        assertFalse(schedules.trigger("no-such-schedule", now));
        assertTrue(schedules.find(name).orElseThrow().previousRunning());
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertEquals(now.id(), task.executionId());
        assertTrue(store.completions().finish(task, "w", ExecutionStatus.COMPLETED, "null", null));
        assertFalse(schedules.find(name).orElseThrow().previousRunning(), "its last execution ended");
        assertEquals(1, schedules.find(name).orElseThrow().fires());
        schedules.delete(name);
    }

    @Test
    void schedules_operatorsListPauseResumeTriggerAndDeleteThem_eachActionAudited() {
        String function = fn();
        String name = "ops-" + function;
        var operations = new StoreOperations(jdbcStore, () -> "operator");
        java.time.Instant next = store.schedules().now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plusSeconds(3600);
        store.schedules().save(schedule(name, function, "0 * * * *", next));
        var view = operations.schedules().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
        assertEquals(List.of(next, next.plusSeconds(3600), next.plusSeconds(7200)),
                view.upcoming().stream().map(java.time.OffsetDateTime::toInstant).toList(), "hourly: the next three");
        assertEquals(io.stent.ScheduleOverlap.SKIP, view.overlap());
        assertEquals(Duration.ofMinutes(1), view.grace());
        assertTrue(operations.pauseSchedule(name));
        var paused = operations.schedules().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
        assertTrue(paused.paused());
        assertEquals(List.of(), paused.upcoming(), "a paused schedule has no next fire time");
        assertTrue(operations.resumeSchedule(name));
        var resumed = store.schedules().find(name).orElseThrow();
        assertFalse(resumed.paused());
        assertTrue(resumed.nextFireAt().isAfter(store.schedules().now()));
        String started = operations.triggerSchedule(name).orElseThrow();
        assertEquals(started, store.claims().claim("w", k(function), 1, LEASE).get(0).executionId(),
                "the triggered execution runs the schedule's function");
        assertTrue(operations.schedules().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow()
                .lastExecutionRunning());
        assertTrue(operations.triggerSchedule("no-such").isEmpty());
        assertFalse(operations.pauseSchedule("no-such"));
        assertFalse(operations.resumeSchedule("no-such"));
        assertTrue(operations.deleteSchedule(name));
        assertFalse(operations.deleteSchedule(name));
        var audited = operations.audit("operator", null, io.stent.operations.PageRequest.first(20)).items().stream()
                .filter(a -> a.targets() != null && a.targets().contains(name)).map(io.stent.operations.AuditView::operation)
                .toList();
        assertTrue(audited.containsAll(List.of("schedule.pause", "schedule.resume", "schedule.trigger",
                "schedule.delete")), audited.toString());
    }

    @Test
    void forgetOlderThan_removesLongSilentWorkers_butNeverOneThatStillHoldsATask() throws Exception {
        String function = fn();
        start(function);
        String idle = "idle-" + UUID.randomUUID();
        String holding = "holding-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        store.workers().register(worker(idle, 1));
        store.workers().register(worker(holding, 2));
        store.workers().register(worker(recent, 3));
        store.claims().claim(holding, k(function), 1, Duration.ofHours(2));
        silenceWorker(idle);
        silenceWorker(holding);
        assertTrue(store.workers().forgetOlderThan(Duration.ofMinutes(30)) >= 1);
        Set<String> left = workerIds();
        assertFalse(left.contains(idle), "silent for an hour, holding nothing: forgotten");
        assertTrue(left.contains(holding), "its task still names it");
        assertTrue(left.contains(recent), "it gave a sign of life just now");
    }

    private Set<String> workerIds() throws Exception {
        Set<String> ids = new HashSet<>();
        try (var connection = database.dataSource().getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id FROM stent_worker")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    @Test
    void register_givesBackTasksStillLeasedToAnEarlierLifeOfTheSameWorkerId() {
        String function = fn();
        start(function);
        String id = "w-" + UUID.randomUUID();
        store.claims().claim(id, k(function), 1, Duration.ofHours(1));
        assertEquals(1, store.workers().register(worker(id, 1)), "the earlier life's task went back");
        ClaimedTask again = store.claims().claim(id, k(function), 1, LEASE).get(0);
        assertEquals(1, again.attempt(), "its attempt was given back");
        assertEquals(1, again.requeues());
    }

    @Test
    void silentWorkerHoldingTasks_isACandidate_andItsTasksGoBackWhenItIsKnownDead() throws Exception {
        String function = fn();
        start(function);
        String ghost = "ghost-" + UUID.randomUUID();
        String alive = "alive-" + UUID.randomUUID();
        store.workers().register(worker(ghost, new java.util.Random().nextLong()));
        store.workers().register(worker(alive, new java.util.Random().nextLong()));
        store.claims().claim(ghost, k(function), 1, Duration.ofHours(1));
        assertTrue(store.workers().silentWithTasks(alive, Duration.ofSeconds(30)).stream()
                .noneMatch(w -> w.id().equals(ghost)), "it gave a sign of life just now");
        silenceWorker(ghost);
        var candidate = store.workers().silentWithTasks(alive, Duration.ofSeconds(30)).stream()
                .filter(w -> w.id().equals(ghost)).findFirst().orElseThrow();
        assertEquals(1, store.workers().recoverIfDead(candidate, true));
        ClaimedTask taken = store.claims().claim(alive, k(function), 1, LEASE).get(0);
        assertEquals(1, taken.attempt());
        assertTrue(store.workers().silentWithTasks(alive, Duration.ofSeconds(30)).stream()
                .noneMatch(w -> w.id().equals(ghost)), "it holds nothing any more");
        store.workers().deregister(alive);
    }

    @Test
    void checkpointInTheStepsTransaction_isFencedByTheLease_andRefusesASecondWriter() {
        String function = fn();
        String id = start(function);
        store.claims().claim("holder", k(function), 1, LEASE);
        StepRecord record = StepRecord.finished(id, "", 1, "step", io.stent.engine.store.StepStatus.COMPLETED, "[]",
                "1", 1, 3);
        assertThrows(io.stent.engine.store.LeaseLostException.class,
                () -> store.steps().recordInCurrentTransaction(record, "former-holder"));
        assertTrue(store.steps().find(id, "", 1).isEmpty(), "nothing was written for the former holder");
        assertEquals("1", store.steps().recordInCurrentTransaction(record, "holder").output());
        assertThrows(io.stent.engine.store.CheckpointTakenException.class,
                () -> store.steps().recordInCurrentTransaction(record, "holder"),
                "a second writer of the position must roll its transaction back");
    }

    @Test
    void createInTheCallersTransaction_writesExecutionAndTask_andATakenKeyReturnsTheEarlierExecution() {
        String function = fn();
        String key = "outbox-" + UUID.randomUUID();
        String first = store.executions().createInCurrentTransaction(NewExecution.now(UUID.randomUUID().toString(),
                function, 1, "default", "[1]", key));
        String second = store.executions().createInCurrentTransaction(NewExecution.now(UUID.randomUUID().toString(),
                function, 1, "default", "[2]", key));
        assertEquals(first, second, "the key's earlier execution, without an error in the caller's transaction");
        assertEquals(1, store.claims().claim("w", k(function), 10, LEASE).size(), "one execution, one task");
    }

    @Test
    void createAll_writesEveryExecutionWithItsTask_andEachTakenKeyReturnsItsOwner_alsoWithinTheBatch() {
        String function = fn();
        String earlierKey = "batch-earlier-" + UUID.randomUUID();
        String earlier = store.executions().create(NewExecution.now(UUID.randomUUID().toString(), function, 1,
                "default", "[0]", earlierKey));
        String sharedKey = "batch-shared-" + UUID.randomUUID();
        List<NewExecution> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 1_203; i++) { // more than one statement's rows
            batch.add(new NewExecution(UUID.randomUUID().toString(), function, 1, "default", "[" + i + "]", null,
                    i == 7 ? Duration.ofHours(1) : Duration.ZERO, i == 8 ? Duration.ofMinutes(5) : null, null, null,
                    i == 9 ? 5 : 0, Set.of()));
        }
        batch.add(NewExecution.now(UUID.randomUUID().toString(), function, 1, "default", "[a]", earlierKey));
        batch.add(NewExecution.now(UUID.randomUUID().toString(), function, 1, "default", "[b]", sharedKey));
        batch.add(NewExecution.now(UUID.randomUUID().toString(), function, 1, "default", "[c]", sharedKey));

        List<String> ids = store.executions().createAll(batch);

        assertEquals(batch.size(), ids.size());
        for (int i = 0; i < 1_203; i++) {
            assertEquals(batch.get(i).id(), ids.get(i), "a start without a key is its own execution");
        }
        assertEquals(earlier, ids.get(1_203), "a key taken before the batch returns its earlier execution");
        assertEquals(batch.get(1_204).id(), ids.get(1_204));
        assertEquals(batch.get(1_204).id(), ids.get(1_205), "a key taken earlier in the batch returns that start");
        List<ClaimedTask> claimed = new java.util.ArrayList<>(store.claims().claim("w", k(function), 1, LEASE));
        assertEquals(batch.get(9).id(), claimed.get(0).executionId(), "the priority went with its task");
        for (List<ClaimedTask> round = store.claims().claim("w", k(function), 500, LEASE); !round.isEmpty();
             round = store.claims().claim("w", k(function), 500, LEASE)) {
            claimed.addAll(round);
        }
        assertEquals(1_202 + 2, claimed.size(), "one due task per new execution (the delayed one is not due), the"
                + " earlier one's and the shared key's, no more");
        ClaimedTask withDeadline = taskOf(claimed, batch.get(8).id());
        assertTrue(withDeadline.deadlineAt() != null && withDeadline.deadlineAt().isAfter(withDeadline.claimedAt()),
                "the deadline was written from the database clock");
        assertTrue(claimed.stream().noneMatch(task -> task.executionId().equals(batch.get(7).id())));
        assertEquals("[42]", taskOf(claimed, batch.get(42).id()).arguments());
    }

    @Test
    void createAll_inTheCallersTransaction_writesTheBatch_andATakenKeyReturnsTheEarlierExecution() {
        String function = fn();
        String key = "batch-outbox-" + UUID.randomUUID();
        String earlier = store.executions().createInCurrentTransaction(NewExecution.now(UUID.randomUUID().toString(),
                function, 1, "default", "[1]", key));
        NewExecution fresh = NewExecution.now(UUID.randomUUID().toString(), function, 1, "default", "[2]", null);
        List<String> ids = store.executions().createAllInCurrentTransaction(List.of(fresh,
                NewExecution.now(UUID.randomUUID().toString(), function, 1, "default", "[3]", key)));
        assertEquals(List.of(fresh.id(), earlier), ids);
        assertEquals(2, store.claims().claim("w", k(function), 10, LEASE).size(), "two executions, two tasks");
    }

    @Test
    void recordAll_writesEachPositionOnce_andAPositionTakenBeforeKeepsTheFirstRecord() {
        String first = start(fn());
        String second = start(fn());
        StepRecord earlier = StepRecord.finished(second, "", 1, "step", StepStatus.COMPLETED, "[]", "\"earlier\"", 1, 1);
        store.steps().record(earlier);
        List<StepRecord> batch = List.of(
                StepRecord.finished(first, "", 1, "step", StepStatus.COMPLETED, "[1]", "\"a\"", 1, 2),
                StepRecord.finished(first, "2", 1, "nested", StepStatus.FAILED, "[2]", "{}", 3, 4),
                StepRecord.finished(second, "", 1, "step", StepStatus.COMPLETED, "[]", "\"later\"", 1, 1),
                StepRecord.finished(second, "", 2, "step", StepStatus.COMPLETED, "[]", "\"b\"", 2, 9));

        List<StepRecord> stored = store.steps().recordAll(batch);

        assertEquals(4, stored.size());
        assertEquals("\"a\"", stored.get(0).output());
        assertEquals("\"earlier\"", stored.get(2).output(), "the position was taken: its first record stays");
        assertEquals("\"earlier\"", store.steps().find(second, "", 1).orElseThrow().output());
        StepRecord nested = store.steps().find(first, "2", 1).orElseThrow();
        assertEquals(StepStatus.FAILED, nested.status());
        assertEquals(3, nested.attempts());
        assertEquals("[2]", nested.arguments());
        assertEquals(2, store.steps().find(second, "", 2).orElseThrow().attempts());
        assertEquals(2, store.steps().list(first).size());
    }

    @Test
    void createAll_refusesAChild_namingIt() {
        NewExecution child = new NewExecution(UUID.randomUUID().toString(), fn(), 1, "default", "[]", null,
                Duration.ZERO, null, "parent-1", "1", 0, Set.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.executions().createAll(List.of(child)));
        assertTrue(e.getMessage().contains(child.id()) && e.getMessage().contains("parent-1"), e.getMessage());
    }

    @Test
    void release_givesTaskBackWithoutSpendingAnAttempt() {
        String function = fn();
        start(function);
        ClaimedTask task = store.claims().claim("owner", k(function), 1, LEASE).get(0);
        assertFalse(store.claims().release(task.id(), "intruder"));
        assertTrue(store.claims().release(task.id(), "owner"));
        assertEquals(1, store.claims().claim("other", k(function), 1, LEASE).get(0).attempt());
    }

    private String startWith(String function, Duration delay, Duration deadline) {
        return store.executions().create(new NewExecution(UUID.randomUUID().toString(), function, 1, "default",
                "[1]", null, delay, deadline, null, null, 0));
    }

    @Test
    void delayedStart_isNotDueBeforeItsDelay() {
        String function = fn();
        startWith(function, Duration.ofHours(1), null);
        assertTrue(store.claims().claim("w", k(function), 10, LEASE).isEmpty());
        String due = startWith(function, Duration.ZERO, null);
        assertEquals(due, store.claims().claim("w", k(function), 10, LEASE).get(0).executionId());
    }

    @Test
    void claim_returnsDatabaseTimeAndDeadline() {
        String function = fn();
        startWith(function, Duration.ZERO, Duration.ofMinutes(10));
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertTrue(task.claimedAt() != null);
        long minutes = Duration.between(task.claimedAt(), task.deadlineAt()).toMinutes();
        assertTrue(minutes >= 9 && minutes <= 10, "deadline about 10 minutes after the start: " + minutes);
        assertFalse(task.cancelRequested());
    }

    @Test
    void cancel_pendingExecution_isCancelledAndNeverClaimed() {
        String function = fn();
        String id = start(function);
        assertEquals(ExecutionStore.CancelOutcome.CANCELLED, store.executions().cancel(id));
        assertEquals(ExecutionStatus.CANCELLED, store.executions().find(id).orElseThrow().status());
        assertTrue(store.claims().claim("w", k(function), 10, LEASE).isEmpty());
        assertEquals(ExecutionStore.CancelOutcome.ALREADY_CANCELLED, store.executions().cancel(id));
        assertEquals(ExecutionStore.CancelOutcome.NOT_FOUND, store.executions().cancel("missing"));
    }

    @Test
    void cancel_ofADelayedStart_isImmediate_whileOtherWorkersKeepClaiming() throws Exception {
        // A claim must lock only the tasks it takes: a cancel (or a wake-up) that finds the delayed
        // task locked takes it for one being claimed, and the start would run later instead.
        String function = fn();
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService claimers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                loops.add(claimers.submit(() -> {
                    while (polling.get()) {
                        assertTrue(store.claims().claim("poller", k(function), 10, LEASE).isEmpty());
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 200; i++) {
                String id = startWith(function, Duration.ofHours(1), null);
                assertEquals(ExecutionStore.CancelOutcome.CANCELLED, store.executions().cancel(id),
                        "cancel " + i + " of a start due in an hour");
            }
            polling.set(false);
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
        } finally {
            polling.set(false);
            claimers.shutdownNow();
        }
    }

    @Test
    void cancel_runningExecution_isCancelling_reportedToItsWorker_andEndsCancelled() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertEquals(ExecutionStore.CancelOutcome.CANCELLING, store.executions().cancel(id));
        assertEquals(Set.of(id), store.claims().cancelRequested(List.of(id, "other")));
        assertTrue(store.completions().finish(task, "w", ExecutionStatus.COMPLETED, "1", null));
        assertEquals(ExecutionStatus.CANCELLED, store.executions().find(id).orElseThrow().status());
        assertEquals(ExecutionStore.CancelOutcome.ALREADY_CANCELLED, store.executions().cancel(id));
    }

    @Test
    void cancel_finishedExecution_isRefused() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        store.completions().finish(task, "w", ExecutionStatus.COMPLETED, "1", null);
        assertEquals(ExecutionStore.CancelOutcome.FINISHED, store.executions().cancel(id));
    }

    @Test
    void suspend_parksTaskUntilWakeTime_withoutSpendingAnAttempt() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertTrue(store.completions().suspend(task, "w", task.claimedAt().plusHours(1), null, List.of()));
        assertEquals(ExecutionStatus.SUSPENDED, store.executions().find(id).orElseThrow().status());
        assertTrue(store.claims().claim("w", k(function), 1, LEASE).isEmpty(), "parked for an hour");
        assertEquals(ExecutionStore.CancelOutcome.CANCELLING, store.executions().cancel(id));
        ClaimedTask woken = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertTrue(woken.cancelRequested(), "the cancel woke the parked task");
        assertEquals(1, woken.attempt(), "suspending did not spend an attempt");
    }

    @Test
    void signal_wakesParkedTask_isConsumedOnce_andAgainByTheSameWait() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertTrue(store.completions().suspend(task, "w", task.claimedAt().plusHours(1), "go", List.of()));
        assertEquals(SignalStore.Delivery.DELIVERED, store.signals().send(id, "go", "\"first\""));
        assertEquals(SignalStore.Delivery.DELIVERED, store.signals().send(id, "go", "\"second\""));
        assertEquals(1, store.claims().claim("w", k(function), 1, LEASE).size(), "the signal woke it");
        assertEquals("\"first\"", store.signals().consume(id, "go", "1").orElseThrow());
        assertEquals("\"first\"", store.signals().consume(id, "go", "1").orElseThrow(), "same wait, same signal");
        assertEquals("\"second\"", store.signals().consume(id, "go", "2").orElseThrow());
        assertTrue(store.signals().consume(id, "go", "3").isEmpty());
        assertTrue(store.signals().consume(id, "other", "4").isEmpty());
        assertEquals(SignalStore.Delivery.NOT_FOUND, store.signals().send("missing", "go", null));
    }

    @Test
    void suspend_withTheAwaitedSignalAlreadyThere_isDueAtOnce() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        store.signals().send(id, "early", "1");
        assertTrue(store.completions().suspend(task, "w", task.claimedAt().plusHours(1), "early", List.of()));
        assertEquals(1, store.claims().claim("w", k(function), 1, LEASE).size());

        String other = start(function);
        ClaimedTask otherTask = store.claims().claim("w", k(function), 1, LEASE).get(0);
        store.signals().send(other, "unrelated", "1");
        assertTrue(store.completions().suspend(otherTask, "w", otherTask.claimedAt().plusHours(1), "awaited", List.of()));
        assertTrue(store.claims().claim("w", k(function), 1, LEASE).isEmpty(), "another name does not wake");
    }

    @Test
    void signal_toFinishedExecution_isRefused() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        store.completions().finish(task, "w", ExecutionStatus.FAILED, null, "{}");
        assertEquals(SignalStore.Delivery.FINISHED, store.signals().send(id, "go", null));
    }

    @Test
    void waitingStep_hasDatabaseWakeTime_andIsResolvedOnce() {
        String id = start(fn());
        StepRecord waiting = store.steps().recordWaiting(new StepRecord(id, "", 1, "stent.sleep",
                StepStatus.WAITING, "PT1H", null, 1, 0, null), Duration.ofHours(1));
        assertEquals(StepStatus.WAITING, waiting.status());
        assertTrue(waiting.wakeAt() != null);
        StepRecord again = store.steps().recordWaiting(new StepRecord(id, "", 1, "stent.sleep",
                StepStatus.WAITING, "PT2H", null, 1, 0, null), Duration.ofHours(2));
        assertEquals(waiting.wakeAt().toInstant(), again.wakeAt().toInstant(), "the first wait is kept");
        assertTrue(store.steps().resolve(id, "", 1, StepStatus.COMPLETED, null));
        assertFalse(store.steps().resolve(id, "", 1, StepStatus.FAILED, "{}"), "resolved once");
        assertEquals(StepStatus.COMPLETED, store.steps().find(id, "", 1).orElseThrow().status());
    }

    private String failForGood(String function, String errorClass) {
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertTrue(store.completions().failForGood(task, "w", errorClass, "it broke", "{\"className\":\""
                + errorClass + "\"}"));
        return id;
    }

    @Test
    void failForGood_failsExecution_andWritesDeadLetterInTheSameTransaction() {
        String function = fn();
        String id = failForGood(function, "com.example.Broken");
        assertEquals(ExecutionStatus.FAILED, store.executions().find(id).orElseThrow().status());
        List<DeadLetter> letters = letters(DeadLetterFilter.pending().withFunction(function), 10, 0);
        assertEquals(1, letters.size());
        DeadLetter letter = letters.get(0);
        assertEquals(id, letter.executionId());
        assertEquals("default", letter.queue());
        assertEquals("com.example.Broken", letter.errorClass());
        assertEquals("it broke", letter.errorMessage());
        assertEquals(1, letter.attempts());
        assertTrue(letter.failedAt() != null);
        assertEquals(letter, jdbcStore.queries().deadLetter(letter.id()).orElseThrow());
    }

    @Test
    void failForGood_ofCancellingExecution_cancelsIt_withoutDeadLetter() {
        String function = fn();
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        store.executions().cancel(id);
        assertTrue(store.completions().failForGood(task, "w", "X", "m", "{}"));
        assertEquals(ExecutionStatus.CANCELLED, store.executions().find(id).orElseThrow().status());
        assertTrue(letters(DeadLetterFilter.pending().withFunction(function), 10, 0).isEmpty());
    }

    @Test
    void deadLetters_filterByFunctionErrorClassAndTime_andPage() {
        String function = fn();
        failForGood(function, "A");
        failForGood(function, "B");
        failForGood(function, "B");
        var dlq = jdbcStore.deadLetters();
        assertEquals(3, letters(DeadLetterFilter.pending().withFunction(function), 10, 0).size());
        assertEquals(2, letters(DeadLetterFilter.pending().withFunction(function).withErrorClass("B"), 10, 0).size());
        assertEquals(1, letters(DeadLetterFilter.pending().withFunction(function), 1, 2).size());
        assertEquals(0, letters(DeadLetterFilter.pending().withFunction(function).withQueue("other"), 10, 0).size());
        var now = letters(DeadLetterFilter.pending().withFunction(function), 1, 0).get(0).failedAt();
        assertEquals(0, letters(DeadLetterFilter.pending().withFunction(function)
                .failedBetween(now.plusMinutes(1), null), 10, 0).size());
        assertEquals(3, letters(DeadLetterFilter.pending().withFunction(function)
                .failedBetween(now.minusMinutes(1), now.plusMinutes(1)), 10, 0).size());
        assertThrows(io.stent.StentArgumentException.class, () -> letters(DeadLetterFilter.pending(), 501, 0));
    }

    @Test
    void replay_makesExecutionPendingAgain_removesFailedSteps_keepsCompletedOnes() {
        String function = fn();
        String id = start(function);
        store.steps().record(StepRecord.finished(id, "", 1, "ok", StepStatus.COMPLETED, "[]", "1", 1, 1));
        store.steps().record(StepRecord.finished(id, "", 2, "bad", StepStatus.FAILED, "[]", "{}", 3, 1));
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        store.completions().failForGood(task, "w", "X", "m", "{}");
        var dlq = jdbcStore.deadLetters();
        DeadLetter letter = letters(DeadLetterFilter.pending().withFunction(function), 10, 0).get(0);

        assertEquals(io.stent.operations.ReplayOutcome.REPLAYED, dlq.replay(letter.id()));
        assertEquals(ExecutionStatus.PENDING, store.executions().find(id).orElseThrow().status());
        assertTrue(store.steps().find(id, "", 1).isPresent(), "the completed step is kept");
        assertTrue(store.steps().find(id, "", 2).isEmpty(), "the failed step runs again");
        assertEquals(1, store.claims().claim("w", k(function), 1, LEASE).size());
        assertEquals(io.stent.operations.ReplayOutcome.NOT_FAILED, dlq.replay(letter.id()));
        assertEquals(io.stent.operations.ReplayOutcome.NOT_FOUND, dlq.replay("missing"));
        DeadLetter replayed = jdbcStore.queries().deadLetter(letter.id()).orElseThrow();
        assertEquals(1, replayed.replayCount());
        assertTrue(replayed.replayedAt() != null);
        assertTrue(letters(DeadLetterFilter.pending().withFunction(function), 10, 0).isEmpty(), "replayed are hidden");
        assertEquals(1, letters(DeadLetterFilter.pending().withFunction(function).includingReplayed(), 10, 0).size());
    }

    @Test
    void replayMatching_replaysOnlyWhatTheFilterSelects() {
        String function = fn();
        failForGood(function, "A");
        failForGood(function, "B");
        var dlq = jdbcStore.deadLetters();
        DeadLetterFilter onlyB = DeadLetterFilter.pending().withFunction(function).withErrorClass("B");
        String b = letters(onlyB, 10, 0).get(0).id();
        assertEquals(2, jdbcStore.queries().countDeadLetters(DeadLetterFilter.pending().withFunction(function)));
        assertEquals(1, jdbcStore.queries().countDeadLetters(onlyB));
        assertEquals(List.of(b), dlq.replayMatching(onlyB, 100));
        assertEquals(0, jdbcStore.queries().countDeadLetters(onlyB), "replayed ones are not counted");
        assertEquals(1, jdbcStore.queries().countDeadLetters(onlyB.includingReplayed()));
        assertEquals(1, letters(DeadLetterFilter.pending().withFunction(function), 10, 0).size());
        assertEquals(1, store.claims().claim("w", k(function), 10, LEASE).size());
    }

    @Test
    void deleteAndPurge_removeDeadLetters() {
        String function = fn();
        failForGood(function, "A");
        failForGood(function, "A");
        var dlq = jdbcStore.deadLetters();
        DeadLetter first = letters(DeadLetterFilter.pending().withFunction(function), 10, 0).get(0);
        assertTrue(dlq.delete(first.id()));
        assertFalse(dlq.delete(first.id()));
        assertEquals(0, dlq.purgeOlderThan(Duration.ofHours(1)), "nothing is an hour old");
        assertTrue(dlq.purgeOlderThan(Duration.ZERO) >= 1);
        assertTrue(letters(DeadLetterFilter.pending().withFunction(function), 10, 0).isEmpty());
    }

    private String startChild(String function, String parentId, String position) {
        String id = UUID.nameUUIDFromBytes((parentId + "/" + position).getBytes()).toString();
        return store.executions().create(new NewExecution(id, function, 1, "default", "[1]", null, Duration.ZERO,
                null, parentId, position, 0));
    }

    /** Moves an execution's creation and end back, as if the database clock had moved on by that much. */
    private void age(String id, Duration by) throws Exception {
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_execution SET created_at = ?, finished_at ="
                     + " CASE WHEN finished_at IS NULL THEN NULL ELSE ? END WHERE id = ?")) {
            java.time.OffsetDateTime then = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(by);
            statement.setObject(1, then);
            statement.setObject(2, then);
            statement.setString(3, id);
            assertEquals(1, statement.executeUpdate());
        }
    }

    private void complete(String function) {
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertTrue(store.completions().finish(task, "w", ExecutionStatus.COMPLETED, "1", null));
    }

    private long rows(String sql, String id) throws Exception {
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void retention_deletesOldEndedExecutionsWithEverythingTheyHold_andNothingElse() throws Exception {
        String function = fn();
        var retention = jdbcStore.retention();
        String old = store.executions().create(new NewExecution(UUID.randomUUID().toString(), function, 1, "default",
                "[1]", null, Duration.ZERO, null, null, null, 0, java.util.Set.of("gpu")));
        store.steps().record(StepRecord.finished(old, "", 1, "s", StepStatus.COMPLETED, "[]", "1", 1, 1));
        complete(function);
        age(old, Duration.ofDays(8));
        String recent = start(function);
        complete(function);
        age(recent, Duration.ofDays(1));
        String running = start(function);
        age(running, Duration.ofDays(30));
        String failedFn = fn();
        String failed = failForGood(failedFn, "com.example.Broken");
        age(failed, Duration.ofDays(8));

        var rule = new io.stent.engine.store.Retention.Rule(java.util.Set.of("COMPLETED"), Duration.ofDays(7), function,
                java.util.Set.of());
        var batch = retention.deleteExecutions(rule, 100);
        assertEquals(List.of(old), batch.deleted(), "only the completed one older than 7 days");
        assertTrue(store.executions().find(old).isEmpty());
        assertEquals(0, rows("SELECT COUNT(*) FROM stent_step WHERE execution_id = ?", old), "its steps too");
        assertEquals(0, rows("SELECT COUNT(*) FROM stent_execution_tag WHERE execution_id = ?", old), "its tags too");
        assertTrue(store.executions().find(recent).isPresent() && store.executions().find(running).isPresent());
        assertEquals(0, retention.deleteExecutions(rule, 100).candidates(), "nothing left for the rule");

        var allButMine = new io.stent.engine.store.Retention.Rule(java.util.Set.of("FAILED"), Duration.ofDays(7), null,
                java.util.Set.of(failedFn));
        assertFalse(retention.deleteExecutions(allButMine, 1000).deleted().contains(failed),
                "a function with its own rule is left out of the rule for every function");
        var failedRule = new io.stent.engine.store.Retention.Rule(java.util.Set.of("FAILED"), Duration.ofDays(7),
                failedFn, java.util.Set.of());
        assertEquals(List.of(failed), retention.deleteExecutions(failedRule, 100).deleted());
        assertEquals(0, rows("SELECT COUNT(*) FROM stent_dead_letter WHERE execution_id = ?", failed),
                "its dead letter goes with it");
        assertThrows(io.stent.StentArgumentException.class, () -> retention.deleteExecutions(
                new io.stent.engine.store.Retention.Rule(java.util.Set.of("PENDING"), Duration.ofDays(1), null,
                        java.util.Set.of()), 10));
    }

    @Test
    void retention_keepsAParentWhileAnyExecutionUnderItRuns_thenDeletesTheWholeTree() throws Exception {
        String parentFn = fn();
        String childFn = fn();
        String grandFn = fn();
        var retention = jdbcStore.retention();
        String parent = start(parentFn);
        complete(parentFn);
        String child = startChild(childFn, parent, "1");
        complete(childFn);
        String grandchild = startChild(grandFn, child, "1");
        for (String id : List.of(parent, child, grandchild)) {
            age(id, Duration.ofDays(10));
        }
        var rule = new io.stent.engine.store.Retention.Rule(java.util.Set.of("COMPLETED"), Duration.ofDays(7),
                parentFn, java.util.Set.of());
        var blocked = retention.deleteExecutions(rule, 10);
        assertEquals(1, blocked.candidates());
        assertEquals(List.of(), blocked.deleted(), "its grandchild still runs");
        complete(grandFn);
        age(grandchild, Duration.ofDays(10));
        var done = retention.deleteExecutions(rule, 10);
        assertEquals(java.util.Set.of(parent, child, grandchild), java.util.Set.copyOf(done.deleted()));
        for (String id : List.of(parent, child, grandchild)) {
            assertTrue(store.executions().find(id).isEmpty());
        }
    }

    /** Starts and completes {@code count} executions of a function, 50 claims at a time. */
    private List<String> completed(String function, int count) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(start(function));
        }
        for (List<ClaimedTask> tasks = store.claims().claim("w", k(function), 50, LEASE); !tasks.isEmpty();
             tasks = store.claims().claim("w", k(function), 50, LEASE)) {
            for (ClaimedTask task : tasks) {
                assertTrue(store.completions().finish(task, "w", ExecutionStatus.COMPLETED, "1", null));
            }
        }
        return ids;
    }

    @Test
    void retentionRun_stoppedHalfWay_andRunAgain_deletesExactlyTheOldEndedOnes() throws Exception {
        String oldFn = fn();
        String recentFn = fn();
        String runningFn = fn();
        List<String> old = completed(oldFn, 230);
        List<String> recent = completed(recentFn, 20);
        List<String> running = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            running.add(start(runningFn));
        }
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_execution SET created_at = ?, finished_at ="
                     + " CASE WHEN finished_at IS NULL THEN NULL ELSE ? END WHERE function_name IN (?, ?)")) {
            java.time.OffsetDateTime then = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(40);
            statement.setObject(1, then);
            statement.setObject(2, then);
            statement.setString(3, oldFn);
            statement.setString(4, runningFn);
            assertEquals(240, statement.executeUpdate());
        }
        var policy = new io.stent.engine.RetentionPolicy(java.util.Map.of(), java.util.Map.of(oldFn,
                java.util.Map.of("COMPLETED", Duration.ofDays(30)), recentFn, java.util.Map.of("COMPLETED",
                Duration.ofDays(30)), runningFn, java.util.Map.of("COMPLETED", Duration.ofDays(30))), null, null, 40);
        var run = new io.stent.engine.RetentionRun(jdbcStore.retention(), policy);
        var last = new java.util.concurrent.atomic.AtomicReference<io.stent.engine.RetentionRun.Report>();
        var cut = run.run(() -> last.get() != null && last.get().executions() >= 120, last::set);
        assertTrue(cut.stopped(), "told to stop once 120 were gone, as a crash would cut it");
        assertEquals(120, cut.executions(), "three batches of 40, each whole");
        assertEquals(110, old.stream().filter(id -> store.executions().find(id).isPresent()).count());
        var rest = run.run(() -> false, report -> { });
        assertFalse(rest.stopped());
        assertEquals(110, rest.executions(), "the second run goes on with what is left");
        assertTrue(old.stream().noneMatch(id -> store.executions().find(id).isPresent()), "every old one is gone");
        assertTrue(recent.stream().allMatch(id -> store.executions().find(id).isPresent()), "the recent ones stay");
        assertTrue(running.stream().allMatch(id -> store.executions().find(id).isPresent()), "the running ones stay");
    }

    @Test
    void retention_deletesOldDeadLettersAuditRowsAndExpiredCacheEntries_inBatches() throws Exception {
        var retention = jdbcStore.retention();
        String failed = failForGood(fn(), "com.example.Broken");
        DeadLetter letter = letters(DeadLetterFilter.all().ofExecution(failed), 1, 0).get(0);
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_dead_letter SET failed_at = ? WHERE id = ?")) {
            statement.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(100));
            statement.setString(2, letter.id());
            assertEquals(1, statement.executeUpdate());
        }
        int deleted = 0;
        for (int batch = retention.deleteDeadLetters(Duration.ofDays(90), 1); batch > 0;
             batch = retention.deleteDeadLetters(Duration.ofDays(90), 1)) {
            deleted += batch;
        }
        assertTrue(deleted >= 1);
        assertTrue(jdbcStore.queries().deadLetter(letter.id()).isEmpty());
        assertTrue(store.executions().find(failed).isPresent(), "its execution stays, FAILED");
        assertEquals(0, retention.deleteDeadLetters(Duration.ofDays(90), 10));

        store.cache().put("retention-" + UUID.randomUUID(), "f", "1", Duration.ofMillis(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int expired = 0;
        while (expired == 0 && System.nanoTime() < deadline) {
            expired = retention.deleteExpiredCache(100);
        }
        assertTrue(expired >= 1, "the entry whose time to live passed");
        assertEquals(0, retention.deleteAudit(Duration.ofDays(365), 100), "no audit row is a year old");
    }

    @Test
    void retentionRuns_recordProgressAndEnd_showDeadRunsInterrupted_andGoWithTheAuditAge() throws Exception {
        var runs = jdbcStore.retentionRuns();
        String liveWorker = "w-live-" + UUID.randomUUID();
        store.workers().register(worker(liveWorker, 11L));
        var stalled = runs.begin(liveWorker, 7L);
        assertEquals("RUNNING", stalled.status());
        assertEquals(7L, stalled.jobExecution());
        runs.progress(stalled.id(), 100, 0, 0, 0, 1);
        moveRetentionRun("updated_at", stalled.id(), Duration.ofMinutes(10));
        moveRetentionRun("started_at", stalled.id(), Duration.ofMinutes(20));
        var orphan = runs.begin("w-gone-" + UUID.randomUUID(), null);
        moveRetentionRun("started_at", orphan.id(), Duration.ofMinutes(15));
        var operations = new StoreOperations(jdbcStore, () -> "viewer");
        var shown = operations.retentionRuns().stream().filter(r -> r.id().equals(orphan.id())).findFirst()
                .orElseThrow();
        assertEquals("INTERRUPTED", shown.status(), "its instance has no live worker: shown interrupted at once");
        assertEquals("RUNNING", runs.find(orphan.id()).orElseThrow().status(), "reading writes nothing");

        var live = runs.begin(liveWorker, null);
        var interrupted = runs.find(stalled.id()).orElseThrow();
        assertEquals("INTERRUPTED", interrupted.status(), "no progress for ten minutes when the next run started");
        assertTrue(interrupted.error().contains("STENT-1807"), interrupted.error());
        assertEquals(100, interrupted.executions(), "what it did before it died stays recorded");
        assertTrue(interrupted.finishedAt() != null);
        assertEquals("INTERRUPTED", runs.find(orphan.id()).orElseThrow().status(), "written when the next one starts");

        runs.progress(live.id(), 5, 1, 0, 0, 2);
        assertEquals(5, runs.find(live.id()).orElseThrow().executions());
        runs.begin(liveWorker, null);
        assertEquals("RUNNING", runs.find(live.id()).orElseThrow().status(), "a run that makes progress is alive");
        assertEquals("RUNNING", operations.retentionRuns().stream().filter(r -> r.id().equals(live.id()))
                .findFirst().orElseThrow().status());
        runs.end(live.id(), "COMPLETED", null, 5, 1, 2, 3, 4);
        var ended = runs.find(live.id()).orElseThrow();
        assertEquals(List.of("COMPLETED", 5L, 1L, 2L, 3L, 4L), List.of(ended.status(), ended.executions(),
                ended.deadLetters(), ended.auditRows(), ended.cacheEntries(), ended.batches()));
        assertTrue(ended.finishedAt() != null && ended.error() == null);
        assertThrows(io.stent.StentArgumentException.class, () -> runs.end(live.id(), "COMPLETED", null, 1, 2));
        List<String> latest = operations.retentionRuns().stream().map(io.stent.operations.RetentionRunView::id)
                .toList();
        assertTrue(latest.indexOf(live.id()) >= 0 && latest.indexOf(live.id()) < latest.indexOf(stalled.id()),
                "newest first: " + latest);

        moveRetentionRun("finished_at", stalled.id(), Duration.ofDays(366));
        int batches = 0;
        while (jdbcStore.retention().deleteAudit(Duration.ofDays(365), 100) > 0) {
            batches++;
        }
        assertTrue(batches >= 1);
        assertTrue(runs.find(stalled.id()).isEmpty(), "a run that ended a year and a day ago goes with the audit rows");
        assertTrue(runs.find(live.id()).isPresent(), "a recent one stays");
    }

    private void moveRetentionRun(String column, String id, Duration back) throws Exception {
        try (var connection = database.dataSource().getConnection(); var statement = connection.prepareStatement(
                "UPDATE stent_retention_run SET " + column + " = ? WHERE id = ?")) {
            statement.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(back));
            statement.setString(2, id);
            assertEquals(1, statement.executeUpdate());
        }
    }

    @Test
    void traceParent_isStoredWithTheExecution_andComesBackWithEveryClaim() {
        String function = fn();
        String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String traced = store.executions().create(NewExecution.now(UUID.randomUUID().toString(), function, 1,
                "default", "[1]", null).withTraceParent(parent));
        List<ClaimedTask> claimed = store.claims().claim("w", k(function), 10, LEASE);
        assertEquals(1, claimed.size());
        assertEquals(traced, claimed.get(0).executionId());
        assertEquals(parent, claimed.get(0).traceParent());
        String plainFunction = fn();
        start(plainFunction);
        assertNull(store.claims().claim("w", k(plainFunction), 10, LEASE).get(0).traceParent(), "outside a trace");
        String hereFunction = fn();
        ClaimedTask here = store.executions().createClaimed(NewExecution.now(UUID.randomUUID().toString(),
                hereFunction, 1, "default", "[1]", null).withTraceParent(parent), "w", LEASE).orElseThrow();
        assertEquals(parent, here.traceParent(), "an execution its starter runs at once keeps it too");
    }

    @Test
    void childStart_isIdempotentPerParentPosition_andListedAsActiveChild() {
        String parentFn = fn();
        String childFn = fn();
        String parent = start(parentFn);
        String child = startChild(childFn, parent, "1");
        assertEquals(child, startChild(childFn, parent, "1"), "a replayed start finds the same child");
        assertEquals(List.of(child), store.executions().activeChildren(parent));
        assertEquals(parent, store.executions().find(child).orElseThrow().parentId());
        assertEquals(1, store.claims().claim("w", k(childFn), 10, LEASE).size(), "one child, one task");
        assertEquals(2, store.executions().findAll(List.of(parent, child, "missing")).size());
    }

    @Test
    void finishingChild_wakesItsSuspendedParent() {
        String parentFn = fn();
        String childFn = fn();
        String parent = start(parentFn);
        ClaimedTask parentTask = store.claims().claim("w", k(parentFn), 1, LEASE).get(0);
        String child = startChild(childFn, parent, "1");
        assertTrue(store.completions().suspend(parentTask, "w", parentTask.claimedAt().plusHours(1), null,
                List.of(child)));
        assertTrue(store.claims().claim("w", k(parentFn), 1, LEASE).isEmpty(), "parked");
        ClaimedTask childTask = store.claims().claim("w", k(childFn), 1, LEASE).get(0);
        assertEquals(parent, childTask.parentId());
        assertTrue(store.completions().finish(childTask, "w", ExecutionStatus.COMPLETED, "2", null));
        assertEquals(1, store.claims().claim("w", k(parentFn), 1, LEASE).size(), "the child woke its parent");
        assertTrue(store.executions().activeChildren(parent).isEmpty());
    }

    @Test
    void suspendAwaitingAFinishedChild_isDueAtOnce() {
        String parentFn = fn();
        String childFn = fn();
        String parent = start(parentFn);
        String child = startChild(childFn, parent, "1");
        ClaimedTask childTask = store.claims().claim("w", k(childFn), 1, LEASE).get(0);
        store.completions().finish(childTask, "w", ExecutionStatus.COMPLETED, "2", null);
        ClaimedTask parentTask = store.claims().claim("w", k(parentFn), 1, LEASE).get(0);
        assertTrue(store.completions().suspend(parentTask, "w", parentTask.claimedAt().plusHours(1), null,
                List.of(child)));
        assertEquals(1, store.claims().claim("w", k(parentFn), 1, LEASE).size());
    }

    @Test
    void watch_readsTheExecution_andUnknownIdsAreEmpty() {
        String id = start(fn());
        assertEquals(ExecutionStatus.PENDING, store.executions().watch(id).orElseThrow().status());
        assertTrue(store.executions().watch(UUID.randomUUID().toString()).isEmpty());
    }

    @Test
    void completeAll_commitsABatch_fencedPerTask_andHonoursCancels() {
        String function = fn();
        String a = start(function);
        String b = start(function);
        String c = start(function);
        List<ClaimedTask> tasks = store.claims().claim("w", k(function), 3, LEASE);
        ClaimedTask stolen = tasks.stream().filter(t -> t.executionId().equals(c)).findFirst().orElseThrow();
        assertTrue(store.claims().release(stolen.id(), "w"));
        store.claims().claim("other", k(function), 1, LEASE);
        store.executions().cancel(b);
        var held = store.completions().completeAll(tasks.stream()
                .map(t -> new io.stent.engine.store.TaskCompletion.Completion(t, "\"" + t.executionId() + "\""))
                .toList(), "w");
        assertEquals(2, held.size(), "the task another worker now holds was not completed");
        assertFalse(held.containsKey(stolen.id()));
        assertEquals(ExecutionStatus.COMPLETED, held.get(taskOf(tasks, a).id()));
        assertEquals(ExecutionStatus.CANCELLED, held.get(taskOf(tasks, b).id()), "the pending cancel is reported");
        assertEquals(ExecutionStatus.COMPLETED, store.executions().find(a).orElseThrow().status());
        assertEquals("\"" + a + "\"", store.executions().find(a).orElseThrow().result());
        assertEquals(ExecutionStatus.CANCELLED, store.executions().find(b).orElseThrow().status());
        assertEquals(ExecutionStatus.RUNNING, store.executions().find(c).orElseThrow().status());
    }

    @Test
    void createClaimed_writesARunningExecutionLeasedToItsStarter_thatNoOtherWorkerClaims() {
        String function = fn();
        NewExecution execution = new NewExecution(UUID.randomUUID().toString(), function, 1, "default", "[7]", null,
                Duration.ZERO, Duration.ofMinutes(5), null, null, 0);
        ClaimedTask task = store.executions().createClaimed(execution, "starter", LEASE).orElseThrow();
        assertEquals(execution.id(), task.executionId());
        assertEquals(1, task.attempt());
        assertTrue(task.firstRun());
        assertEquals("[7]", task.arguments());
        assertNotNull(task.claimedAt(), "the database clock at the claim");
        long deadlineSeconds = Duration.between(task.claimedAt(), task.deadlineAt()).toSeconds();
        assertTrue(deadlineSeconds >= 299 && deadlineSeconds <= 300, "deadline measured from the start: "
                + deadlineSeconds);
        assertEquals(ExecutionStatus.RUNNING, store.executions().find(execution.id()).orElseThrow().status());
        assertEquals(1, store.executions().find(execution.id()).orElseThrow().attempts());
        assertTrue(store.claims().claim("other", k(function), 10, LEASE).isEmpty(), "already claimed");
        assertEquals(1, store.claims().renewLeases("starter", LEASE), "its starter holds the lease");
        var ended = store.completions().completeAll(List.of(new io.stent.engine.store.TaskCompletion.Completion(task,
                "8")), "starter");
        assertEquals(ExecutionStatus.COMPLETED, ended.get(task.id()));
        assertEquals("8", store.executions().find(execution.id()).orElseThrow().result());
    }

    @Test
    void createClaimed_withATakenIdempotencyKey_writesNothing() {
        String function = fn();
        String first = start(function, "key-" + function);
        NewExecution second = NewExecution.now(UUID.randomUUID().toString(), function, 1, "default", "[2]",
                "key-" + function);
        assertTrue(store.executions().createClaimed(second, "starter", LEASE).isEmpty());
        assertTrue(store.executions().find(second.id()).isEmpty());
        assertEquals(first, store.executions().create(second), "a plain start finds the first execution");
        assertEquals(0, store.claims().renewLeases("starter", LEASE), "no task was claimed");
    }

    private static ClaimedTask taskOf(List<ClaimedTask> tasks, String executionId) {
        return tasks.stream().filter(t -> t.executionId().equals(executionId)).findFirst().orElseThrow();
    }

    @Test
    void firstRun_isTrueOnlyForTheFirstClaimEver() {
        String function = fn();
        start(function);
        ClaimedTask first = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertTrue(first.firstRun());
        assertTrue(store.completions().retryLater(first, "w", Duration.ZERO, "{}"));
        ClaimedTask retried = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertFalse(retried.firstRun(), "a retry may find recorded steps");
        assertTrue(store.completions().failForGood(retried, "w", "X", "m", "{}"));
        DeadLetter letter = letters(DeadLetterFilter.pending().withFunction(function), 1, 0).get(0);
        jdbcStore.deadLetters().replay(letter.id());
        assertFalse(store.claims().claim("w", k(function), 1, LEASE).get(0).firstRun(), "a replay keeps its steps");
    }

    @Test
    void retryExecution_runsAFailedExecutionAgainThroughItsDeadLetter_orOnItsQueueWhenTheLetterIsGone() {
        String function = fn();
        String id = failForGood(function, "com.example.Broken");
        assertEquals(io.stent.operations.ReplayOutcome.REPLAYED, jdbcStore.deadLetters().retryExecution(id));
        assertEquals(ExecutionStatus.PENDING, store.executions().find(id).orElseThrow().status());
        assertTrue(letters(DeadLetterFilter.pending().withFunction(function), 10, 0).isEmpty(),
                "its dead letter is marked replayed");
        assertEquals(io.stent.operations.ReplayOutcome.NOT_FAILED, jdbcStore.deadLetters().retryExecution(id));
        ClaimedTask again = store.claims().claim("w", k(function), 1, LEASE).get(0);
        assertEquals(id, again.executionId());
        assertTrue(store.completions().failForGood(again, "w", "X", "m", "{}"));
        for (DeadLetter letter : letters(DeadLetterFilter.all().withFunction(function), 10, 0)) {
            assertTrue(jdbcStore.deadLetters().delete(letter.id()));
        }
        assertEquals(io.stent.operations.ReplayOutcome.REPLAYED, jdbcStore.deadLetters().retryExecution(id),
                "no dead letter left: it goes back to the queue it was started on");
        assertEquals(id, store.claims().claim("w", k(function), 1, LEASE).get(0).executionId());
        assertEquals(io.stent.operations.ReplayOutcome.NOT_FOUND,
                jdbcStore.deadLetters().retryExecution(UUID.randomUUID().toString()));
    }

    @Test
    void priority_ordersClaims() {
        String function = fn();
        String low = store.executions().create(new NewExecution(UUID.randomUUID().toString(), function, 1, "default",
                "[1]", null, Duration.ZERO, null, null, null, 0));
        String high = store.executions().create(new NewExecution(UUID.randomUUID().toString(), function, 1,
                "default", "[1]", null, Duration.ZERO, null, null, null, 9));
        assertEquals(high, store.claims().claim("w", k(function), 1, LEASE).get(0).executionId());
        assertEquals(low, store.claims().claim("w", k(function), 1, LEASE).get(0).executionId());
    }

    @Test
    void concurrencyLimit_isNeverExceeded_evenByConcurrentClaimers() throws Exception {
        String function = fn();
        for (int i = 0; i < 20; i++) {
            start(function);
        }
        var group = new io.stent.engine.store.ClaimGroup(k(function), List.of(
                new io.stent.engine.store.ClaimGroup.ConcurrencyLimit("function:" + function, 3, function, null)), null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<ClaimedTask>>> claims = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String owner = "w" + w;
            claims.add(pool.submit(() -> store.claims().claimLimited(owner, group, 10, LEASE)));
        }
        List<ClaimedTask> claimed = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            for (ClaimedTask task : claims.get(w).get(30, TimeUnit.SECONDS)) {
                claimed.add(task);
                owners.add("w" + w);
            }
        }
        pool.shutdown();
        assertEquals(3, claimed.size(), "four claimers together took only the limit");
        assertEquals(0, store.claims().claimLimited("w", group, 10, LEASE).size(), "the limit is reached");
        assertTrue(store.completions().finish(claimed.get(0), owners.get(0), ExecutionStatus.COMPLETED, "1", null));
        assertEquals(1, store.claims().claimLimited("w", group, 10, LEASE).size(), "one slot was freed");
    }

    @Test
    void concurrencyLimit_isSharedFairlyAmongTheLiveWorkersThatRunTheFunction() {
        String function = fn();
        for (int i = 0; i < 10; i++) {
            start(function);
        }
        for (String worker : List.of("fair-a-" + function, "fair-b-" + function)) {
            store.workers().register(new io.stent.engine.store.WorkerRecord(worker, "h", 1, null, 1, null, null,
                    java.util.Set.of(new io.stent.engine.store.FunctionKey(function, 1)), null, null, null));
        }
        var group = new io.stent.engine.store.ClaimGroup(k(function), List.of(
                new io.stent.engine.store.ClaimGroup.ConcurrencyLimit("function:" + function, 4, function, null)), null);
        assertEquals(2, store.claims().claimLimited("fair-a-" + function, group, 10, LEASE).size(),
                "half of the limit: another live worker runs the function too");
        assertEquals(0, store.claims().claimLimited("fair-a-" + function, group, 10, LEASE).size());
        assertEquals(2, store.claims().claimLimited("fair-b-" + function, group, 10, LEASE).size());
        store.workers().deregister("fair-b-" + function);
        assertEquals(0, store.claims().claimLimited("fair-a-" + function, group, 10, LEASE).size(),
                "the limit is reached, whoever holds it");
    }

    @Test
    void rateLimit_startsAtBurst_thenRefillsByTheDatabaseClock() {
        String function = fn();
        for (int i = 0; i < 10; i++) {
            start(function);
        }
        var group = new io.stent.engine.store.ClaimGroup(k(function), List.of(),
                new io.stent.engine.store.ClaimGroup.RateLimit("rate:" + function, 0.001, 2));
        assertEquals(2, store.claims().claimLimited("w", group, 10, LEASE).size(), "the burst");
        assertEquals(0, store.claims().claimLimited("w", group, 10, LEASE).size(), "one token per 1000 s");
    }

    private io.stent.operations.Page<io.stent.operations.ExecutionSummary> executions(
            io.stent.operations.ExecutionFilter filter, io.stent.operations.ExecutionSort sort, int offset,
            int limit, boolean ascending) {
        return jdbcStore.queries().executions(filter, sort, new io.stent.operations.PageRequest(offset, limit,
                ascending));
    }

    private io.stent.operations.Page<io.stent.operations.ExecutionSummary> oldestFirst(
            io.stent.operations.ExecutionFilter filter) {
        return executions(filter, io.stent.operations.ExecutionSort.CREATED_AT, 0, 10, true);
    }

    private List<String> ids(io.stent.operations.Page<io.stent.operations.ExecutionSummary> page) {
        return page.items().stream().map(io.stent.operations.ExecutionSummary::id).toList();
    }

    @Test
    void queries_filterSortAndPageExecutions() throws Exception {
        var all = io.stent.operations.ExecutionFilter.all();
        var byCreation = io.stent.operations.ExecutionSort.CREATED_AT;
        String function = fn();
        String first = start(function, "q-" + UUID.randomUUID());
        String second = start(function);
        String third = start(function);
        var page = executions(all.withFunction(function), byCreation, 0, 2, false);
        assertEquals(List.of(third, second), ids(page), "newest first");
        assertTrue(page.hasMore());
        var next = executions(all.withFunction(function), byCreation, 2, 2, false);
        assertEquals(List.of(first), ids(next));
        assertFalse(next.hasMore());
        assertEquals(List.of(first, second, third), ids(executions(all.withFunction(function), byCreation, 0, 10,
                true)), "oldest first");
        var created = store.executions().find(second).orElseThrow().createdAt();
        assertEquals(List.of(second, third), ids(executions(all.withFunction(function).createdBetween(created,
                created.plusMinutes(1)), byCreation, 0, 10, true)), "created at or after the second");
        assertEquals(List.of(first), ids(executions(all.withFunction(function).createdBetween(null, created),
                byCreation, 0, 10, true)), "created before the second");
        assertThrows(io.stent.StentArgumentException.class, () -> new io.stent.operations.PageRequest(0, 501, false));
        assertThrows(io.stent.StentArgumentException.class, () -> new io.stent.operations.PageRequest(-1, 5, false));
    }

    @Test
    void queries_searchByIdOrKeyPrefix_takesWildcardsLiterally() {
        String function = fn();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String percent = start(function, tag + "%_!x");
        String plain = start(function, tag + "abc");
        var all = io.stent.operations.ExecutionFilter.all().withFunction(function);
        var sort = io.stent.operations.ExecutionSort.CREATED_AT;
        assertEquals(List.of(percent), ids(executions(all.withSearch(tag + "%_!"), sort, 0, 10, true)),
                "% _ and ! match only themselves");
        assertEquals(List.of(percent, plain), ids(executions(all.withSearch(tag), sort, 0, 10, true)));
        assertEquals(List.of(plain), ids(executions(all.withSearch(plain.substring(0, 13)), sort, 0, 10, true)),
                "an id prefix");
    }

    @Test
    void queries_statusIsWhatTheExecutionReports_runningWhileLeased() {
        String function = fn();
        String running = start(function);
        store.claims().claim("w", k(function), 1, LEASE);
        String pending = start(function);
        var all = io.stent.operations.ExecutionFilter.all().withFunction(function);
        var sort = io.stent.operations.ExecutionSort.CREATED_AT;
        var listed = executions(all.withStatus(ExecutionStatus.RUNNING), sort, 0, 10, true);
        assertEquals(List.of(running), ids(listed));
        assertEquals(ExecutionStatus.RUNNING, listed.items().get(0).status());
        assertEquals(1, listed.items().get(0).attempts(), "the running attempt");
        assertEquals(List.of(pending), ids(executions(all.withStatus(ExecutionStatus.PENDING), sort, 0, 10, true)));
    }

    @Test
    void queries_sortByFunctionAndByEnd_unfinishedAsIfTheyEndedLast() {
        String prefix = fn();
        String b = start(prefix + "-b");
        String a = start(prefix + "-a");
        ClaimedTask task = store.claims().claim("w", k(prefix + "-a"), 1, LEASE).get(0);
        assertTrue(store.completions().finish(task, "w", ExecutionStatus.COMPLETED, "1", null));
        List<String> mine = List.of(a, b);
        java.util.function.Function<io.stent.operations.Page<io.stent.operations.ExecutionSummary>, List<String>>
                only = page -> ids(page).stream().filter(mine::contains).toList();
        var byFunction = io.stent.operations.ExecutionSort.FUNCTION;
        var filter = io.stent.operations.ExecutionFilter.all();
        assertEquals(List.of(a, b), only.apply(executions(filter.createdBetween(
                store.executions().find(b).orElseThrow().createdAt(), null), byFunction, 0, 500, true)));
        assertEquals(List.of(b, a), only.apply(executions(filter.createdBetween(
                store.executions().find(b).orElseThrow().createdAt(), null), byFunction, 0, 500, false)));
    }

    @Test
    void queries_executionDetail_hasItsDataAndStepsInOrder_andChildrenAreFoundByParent() {
        String function = fn();
        String id = start(function);
        store.steps().record(StepRecord.finished(id, "", 1, "first", StepStatus.COMPLETED, "[1]", "\"one\"", 1, 3));
        store.steps().record(StepRecord.finished(id, "1", 1, "inner", StepStatus.COMPLETED, "[]", "2", 2, 4));
        String child = startChild(fn(), id, "2");
        var detail = jdbcStore.queries().execution(id).orElseThrow();
        assertEquals(id, detail.summary().id());
        assertEquals("[1]", detail.arguments());
        assertEquals(List.of("1", "1.1"), detail.steps().stream().map(io.stent.operations.StepView::position)
                .toList());
        assertEquals("\"one\"", detail.steps().get(0).output());
        assertEquals(2, detail.steps().get(1).attempts());
        assertFalse(detail.moreSteps());
        var second = jdbcStore.queries().steps(id, new io.stent.operations.PageRequest(1, 1, true));
        assertEquals(List.of("1.1"), second.items().stream().map(io.stent.operations.StepView::position).toList());
        assertFalse(second.hasMore());
        var newest = jdbcStore.queries().steps(id, new io.stent.operations.PageRequest(0, 1, false));
        assertEquals(List.of("1.1"), newest.items().stream().map(io.stent.operations.StepView::position).toList());
        assertTrue(newest.hasMore());
        assertTrue(jdbcStore.queries().execution("missing").isEmpty());
        assertEquals(List.of(child), ids(executions(io.stent.operations.ExecutionFilter.all().childrenOf(id),
                io.stent.operations.ExecutionSort.CREATED_AT, 0, 10, true)));
    }

    @Test
    void queries_listRowsAreSummaries_withStepsLastStepAndTheFailure_filteredByVersionAndStart() throws Exception {
        String function = fn();
        String id = start(function);
        store.steps().record(StepRecord.finished(id, "", 1, "first", StepStatus.COMPLETED, "[1]", "1", 1, 3));
        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L); // a later finish time for the second
        store.steps().record(StepRecord.finished(id, "", 2, "second", StepStatus.COMPLETED, "[2]", "2", 1, 3));
        var summary = executions(io.stent.operations.ExecutionFilter.all().withFunction(function),
                io.stent.operations.ExecutionSort.CREATED_AT, 0, 10, true).items().get(0);
        assertEquals(2, summary.steps());
        assertEquals("second", summary.lastStep());
        assertNull(summary.errorClass());
        assertEquals(summary, jdbcStore.queries().execution(id).orElseThrow().summary(), "list and detail agree");

        String failing = fn();
        String failed = failForGood(failing, "com.example.Broken");
        var failure = executions(io.stent.operations.ExecutionFilter.all().withSearch(failed),
                io.stent.operations.ExecutionSort.CREATED_AT, 0, 10, true).items().get(0);
        assertEquals("com.example.Broken", failure.errorClass());
        assertEquals("it broke", failure.errorMessage());
        assertEquals(0, failure.steps());

        assertEquals(List.of(id), ids(oldestFirst(io.stent.operations.ExecutionFilter.all().withFunction(function)
                .withVersion(1))));
        assertEquals(List.of(), ids(oldestFirst(io.stent.operations.ExecutionFilter.all().withFunction(function)
                .withVersion(2))));
        assertEquals(List.of(), ids(executions(io.stent.operations.ExecutionFilter.all().withFunction(function)
                .startedBefore(java.time.OffsetDateTime.now().plusHours(1)), io.stent.operations.ExecutionSort.CREATED_AT,
                0, 10, true)), "it never started");
        assertEquals(List.of(failed), ids(executions(io.stent.operations.ExecutionFilter.all().withFunction(failing)
                .startedBefore(java.time.OffsetDateTime.now().plusHours(1)), io.stent.operations.ExecutionSort.CREATED_AT,
                0, 10, true)), "the one that started");
    }

    @Test
    void overview_countsTheLastDay_theQueuesOpenWork_deadLettersAndLiveWorkers() throws Exception {
        var before = jdbcStore.queries().overview();
        String function = fn();
        start(function);
        start(function);
        String leasedBy = "overview-" + UUID.randomUUID();
        store.workers().register(worker(leasedBy, 5));
        store.claims().claim(leasedBy, k(function), 1, Duration.ofHours(1));
        failForGood(fn(), "com.example.Broken");
        store.executions().create(new NewExecution(UUID.randomUUID().toString(), fn(), 1, "later", "[1]",
                null, Duration.ofHours(1), null, null, null, 0));
        String completing = fn();
        start(completing);
        assertTrue(store.completions().finish(store.claims().claim("w", k(completing), 1, LEASE).get(0), "w",
                ExecutionStatus.COMPLETED, "1", null));

        var after = jdbcStore.queries().overview();
        assertEquals(Duration.ofHours(24), Duration.between(after.since(), after.at()));
        assertEquals(count(before, "RUNNING") + 1, count(after, "RUNNING"), "the leased one runs");
        assertEquals(count(before, "PENDING") + 2, count(after, "PENDING"), "one due and one delayed wait");
        assertEquals(count(before, "FAILED") + 1, count(after, "FAILED"));
        assertEquals(before.deadLetters() + 1, after.deadLetters());
        assertTrue(after.workersAlive() >= 1, "the registered worker is alive");
        assertEquals(24, after.hours().size());
        long failedLastDay = after.hours().stream().mapToLong(io.stent.operations.Overview.Hour::failed).sum();
        long failedBefore = before.hours().stream().mapToLong(io.stent.operations.Overview.Hour::failed).sum();
        assertEquals(failedBefore + 1, failedLastDay, "the failure is in its hour");
        var currentHour = after.hours().get(23);
        long completedBefore = before.hours().stream().filter(h -> h.start().equals(currentHour.start()))
                .mapToLong(io.stent.operations.Overview.Hour::completed).sum();
        assertEquals(completedBefore + 1, currentHour.completed(), "the completion is in the current hour");
        assertEquals(count(before, "COMPLETED") + 1, count(after, "COMPLETED"));
        var later = after.queues().stream().filter(q -> q.queue().equals("later")).findFirst().orElseThrow();
        assertEquals(0, later.due());
        assertEquals(1, later.waiting());
        var defaults = after.queues().stream().filter(q -> q.queue().equals("default")).findFirst().orElseThrow();
        assertTrue(defaults.due() >= 1 && defaults.running() >= 1 && defaults.oldestDueAt() != null, defaults.toString());
    }

    private static long count(io.stent.operations.Overview overview, String status) {
        return overview.createdByStatus().getOrDefault(status, 0L);
    }

    @Test
    void queries_listWorkers() throws Exception {
        String id = "listed-" + UUID.randomUUID();
        store.workers().register(worker(id, 7));
        var listed = jdbcStore.queries().workers().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
        assertEquals("elsewhere", listed.host());
        assertEquals(4242, listed.pid());
        assertTrue(listed.stoppedAt() == null);
        assertTrue(listed.alive(), "it just registered");
        assertEquals(0, listed.tasksInFlight());
        assertTrue(listed.servesAllQueues(), "no queues named: all of them");
        String function = fn();
        start(function);
        store.claims().claim(id, k(function), 1, LEASE);
        silenceWorker(id);
        var silent = jdbcStore.queries().workers().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
        assertEquals(1, silent.tasksInFlight());
        assertFalse(silent.alive(), "silent for an hour");
        store.workers().deregister(id);
    }

    @Test
    void queries_listWhatAWorkerServes_functionsQueuesTagsAndItsStentVersion() {
        String id = "serving-" + UUID.randomUUID();
        store.workers().register(new io.stent.engine.store.WorkerRecord(id, "h", 1, null, 8, null, null,
                java.util.Set.of(new io.stent.engine.store.FunctionKey("b-fn", 2),
                        new io.stent.engine.store.FunctionKey("a-fn", 1)),
                java.util.Set.of("mail", "billing"), java.util.Set.of("gpu"), "9.9.9"));
        var listed = jdbcStore.queries().workers().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
        assertEquals(List.of("a-fn@1", "b-fn@2"), listed.functions());
        assertEquals(List.of("billing", "mail"), listed.queues());
        assertFalse(listed.servesAllQueues());
        assertEquals(List.of("gpu"), listed.tags());
        assertEquals("9.9.9", listed.stentVersion());
        store.workers().deregister(id);
    }

    @Test
    void queries_aSearchByStatusAlone_readsABudgetOfExecutions_andSaysWhereToGoOn() {
        String before = start(fn());
        var from = store.executions().find(before).orElseThrow().createdAt();
        String failed = failForGood(fn(), "com.example.Broken");
        List<String> later = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            later.add(start(fn()));
        }
        var failedOnly = io.stent.operations.ExecutionFilter.all().withStatus(ExecutionStatus.FAILED)
                .createdBetween(from, null);
        var byCreation = io.stent.operations.ExecutionSort.CREATED_AT;
        var budgeted = jdbcStore.queries(2);
        var newest = budgeted.executions(failedOnly, byCreation, new io.stent.operations.PageRequest(0, 10, false));
        assertEquals(List.of(), ids(newest), "the newest two executions did not fail");
        var edge = store.executions().find(later.get(1)).orElseThrow().createdAt();
        assertEquals(edge.toInstant(), newest.searchedTo().toInstant(), "it read the two newest and says so");
        var older = budgeted.executions(failedOnly.createdBetween(from, newest.searchedTo()), byCreation,
                new io.stent.operations.PageRequest(0, 10, false));
        assertEquals(List.of(failed), ids(older), "asked again before that time, it finds the failed one");
        var rest = budgeted.executions(failedOnly.createdBetween(from, older.searchedTo()), byCreation,
                new io.stent.operations.PageRequest(0, 10, false));
        assertEquals(null, rest.searchedTo(), "the oldest one left is all there is: searched whole");

        var oldest = budgeted.executions(failedOnly, byCreation, new io.stent.operations.PageRequest(0, 10, true));
        assertEquals(List.of(failed), ids(oldest), "oldest first, the two oldest hold it");
        assertEquals(store.executions().find(later.get(0)).orElseThrow().createdAt().toInstant(),
                oldest.searchedTo().toInstant(), "newer ones than the two oldest were not read");
        assertEquals(null, budgeted.executions(failedOnly.withFunction("nothing"), byCreation,
                new io.stent.operations.PageRequest(0, 10, false)).searchedTo(), "an indexed filter bounds the search");
        assertEquals(null, jdbcStore.queries().executions(failedOnly, byCreation,
                new io.stent.operations.PageRequest(0, 10, false)).searchedTo(), "five executions are within the budget");
    }

    @Test
    void bulkReplay_stoppedHalfWay_andResumed_replaysEveryMatchingDeadLetterOnce() throws Exception {
        String function = fn();
        List<String> failed = new java.util.ArrayList<>();
        for (int i = 0; i < 230; i++) {
            failed.add(start(function));
        }
        for (List<ClaimedTask> tasks = store.claims().claim("w", k(function), 50, LEASE); !tasks.isEmpty();
             tasks = store.claims().claim("w", k(function), 50, LEASE)) {
            for (ClaimedTask task : tasks) {
                assertTrue(store.completions().failForGood(task, "w", "com.example.Broken", "x", "{}"));
            }
        }
        var bulk = jdbcStore.bulkReplays();
        var filter = DeadLetterFilter.pending().withFunction(function);
        var started = bulk.create(filter, "operator");
        assertEquals(230, started.total());
        assertEquals("RUNNING", started.status());
        var stopped = bulk.run(started.id(), () -> bulk.find(started.id()).orElseThrow().replayed() >= 100);
        assertEquals("STOPPED", stopped.status());
        assertEquals(100, stopped.replayed(), "one chunk of 100, whole");
        assertEquals(130, stopped.remaining());
        assertTrue(bulk.resume(started.id()));
        var done = bulk.run(started.id(), () -> false);
        assertEquals("COMPLETED", done.status());
        assertEquals(230, done.replayed());
        assertEquals(0, done.skipped());
        assertTrue(done.finishedAt() != null);
        for (DeadLetter letter : letters(DeadLetterFilter.all().withFunction(function), 500, 0)) {
            assertEquals(1, letter.replayCount(), "each replayed once: " + letter.id());
        }
        assertFalse(bulk.resume(started.id()), "a completed one does not run again");
        assertFalse(bulk.stop(started.id()), "nor stops");
        assertTrue(bulk.latest().stream().anyMatch(b -> b.id().equals(started.id())));

        var ops = new StoreOperations(jdbcStore, () -> "operator");
        var nothing = ops.startBulkReplay(DeadLetterFilter.pending().withFunction("no-such-" + function));
        assertEquals("COMPLETED", nothing.status(), "run at once where no batch runtime is given");
        assertEquals(0, nothing.total());
        for (int i = 0; i < 50; i++) {
            ops.startBulkReplay(DeadLetterFilter.pending().withFunction("none-" + i + function));
        }
        assertTrue(ops.bulkReplays().stream().noneMatch(b -> b.id().equals(started.id())), "beyond the latest 50");
        assertEquals(230, ops.bulkReplay(started.id()).orElseThrow().replayed(), "still found by its id");
        assertTrue(ops.bulkReplay("no-such-bulk-replay").isEmpty());
    }

    @Test
    void export_givesEveryMatchingExecutionWhole_oldestFirst_acrossPages_andIsAudited() {
        String function = fn();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 1_203; i++) {
            ids.add(start(function));
        }
        store.steps().record(StepRecord.finished(ids.get(7), "", 1, "s", StepStatus.COMPLETED, "[]", "\"x\"", 1, 2));
        var operations = new StoreOperations(jdbcStore, () -> "exporter");
        List<io.stent.operations.ExecutionExport> exported = new java.util.ArrayList<>();
        long count = operations.exportExecutions(io.stent.operations.ExecutionFilter.all().withFunction(function),
                exported::add);
        assertEquals(1_203, count);
        assertEquals(java.util.Set.copyOf(ids), exported.stream().map(e -> e.summary().id())
                .collect(java.util.stream.Collectors.toSet()), "each once, across three pages");
        assertEquals(1_203, exported.stream().map(e -> e.summary().id()).distinct().count());
        for (int i = 1; i < exported.size(); i++) {
            assertFalse(exported.get(i).summary().createdAt().isBefore(exported.get(i - 1).summary().createdAt()),
                    "oldest first");
        }
        var withStep = exported.stream().filter(e -> e.summary().id().equals(ids.get(7))).findFirst().orElseThrow();
        assertEquals(1, withStep.steps().size());
        assertEquals("\"x\"", withStep.steps().get(0).output());
        assertEquals("[1]", withStep.arguments());
        assertTrue(operations.audit("exporter", "executions.export", io.stent.operations.PageRequest.first(5)).items()
                .stream().anyMatch(a -> a.affected() == 1_203 && a.outcome().equals("EXPORTED")));
    }

    @Test
    void queries_findExecutionsByQueueAndByTag_andShowBoth() {
        String function = fn();
        String queue = "q-" + function.substring(function.length() - 12);
        String tagged = store.executions().create(new NewExecution(UUID.randomUUID().toString(), function, 1, queue,
                "[1]", null, Duration.ZERO, null, null, null, 0, java.util.Set.of("gpu_1", "eu")));
        String plain = store.executions().create(new NewExecution(UUID.randomUUID().toString(), function, 1,
                "default", "[1]", null, Duration.ZERO, null, null, null, 0));
        var ofFunction = io.stent.operations.ExecutionFilter.all().withFunction(function);
        assertEquals(List.of(tagged), ids(oldestFirst(ofFunction.onQueue(queue))));
        assertEquals(List.of(plain), ids(oldestFirst(ofFunction.onQueue("default"))));
        assertEquals(List.of(tagged), ids(oldestFirst(ofFunction.withTag("gpu_1"))));
        assertEquals(List.of(tagged), ids(oldestFirst(ofFunction.withTag("eu"))));
        assertEquals(List.of(), ids(oldestFirst(ofFunction.withTag("gpu"))), "a whole tag, not a part of one");
        assertEquals(List.of(), ids(oldestFirst(ofFunction.withTag("gpu_"))), "LIKE wildcards in a tag are text");
        assertEquals(List.of(), ids(oldestFirst(ofFunction.withTag("gpu%"))));
        var summary = oldestFirst(ofFunction.onQueue(queue)).items().get(0);
        assertEquals(queue, summary.queue());
        assertEquals(List.of("eu", "gpu_1"), summary.tags());
        var untagged = oldestFirst(ofFunction.onQueue("default")).items().get(0);
        assertEquals(List.of(), untagged.tags());
        assertEquals(queue, jdbcStore.queries().execution(tagged).orElseThrow().summary().queue());
        assertEquals(List.of("eu", "gpu_1"), jdbcStore.queries().execution(tagged).orElseThrow().summary().tags());

        NewExecution claimed = new NewExecution(UUID.randomUUID().toString(), function, 1, queue, "[2]", null,
                Duration.ZERO, null, null, null, 0, java.util.Set.of("eu"));
        assertTrue(store.executions().createClaimed(claimed, "starter", LEASE).isPresent());
        NewExecution joined = new NewExecution(UUID.randomUUID().toString(), function, 1, queue, "[3]",
                "tagged-" + UUID.randomUUID(), Duration.ZERO, null, null, null, 0, java.util.Set.of("eu"));
        assertEquals(joined.id(), store.executions().createInCurrentTransaction(joined));
        assertEquals(List.of(tagged, claimed.id(), joined.id()), ids(oldestFirst(ofFunction.withTag("eu"))),
                "tags are written by every kind of start: queued, claimed by its starter, in the caller's transaction");
    }

    @Test
    void audit_recordsWhoDidWhatToWhich_newestFirst_filteredByActorAndOperation_withTheDatabaseClock() {
        String actor = "operator-" + UUID.randomUUID();
        var first = jdbcStore.audit().record(actor, "dead-letter.replay", List.of("a", "b"), 2, "REPLAYED",
                "{\"function\":\"f\"}");
        var second = jdbcStore.audit().record(actor, "execution.cancel", List.of("c"), 1, "CANCELLING", null);
        jdbcStore.audit().record("someone-else", "execution.cancel", List.of(), 0, "NOT_FOUND", null);
        var page = jdbcStore.queries().audit(actor, null, io.stent.operations.PageRequest.first(10));
        assertEquals(List.of(second.id(), first.id()), page.items().stream().map(a -> a.id()).toList());
        var replay = page.items().get(1);
        assertEquals("a b", replay.targets());
        assertEquals(2, replay.affected());
        assertEquals("REPLAYED", replay.outcome());
        assertEquals("{\"function\":\"f\"}", replay.detail());
        assertTrue(Duration.between(replay.occurredAt(), java.time.OffsetDateTime.now()).abs().toMinutes() < 1,
                "recorded at the database's time: " + replay.occurredAt());
        assertEquals(List.of(second.id()), jdbcStore.queries().audit(actor, "execution.cancel",
                io.stent.operations.PageRequest.first(10)).items().stream().map(a -> a.id()).toList());
        assertFalse(page.hasMore());
    }

    @Test
    void operations_changeThroughTheStore_andAuditEachChangeWithTheCallerOfTheMoment() {
        String alice = "alice-" + UUID.randomUUID();
        String[] caller = {alice};
        StoreOperations operations = new StoreOperations(jdbcStore, () -> caller[0]);
        String function = fn();
        String failed = failForGood(function, "com.example.Broken");
        DeadLetter letter = operations.deadLetters(DeadLetterFilter.all().ofExecution(failed),
                io.stent.operations.DeadLetterSort.FAILED_AT, io.stent.operations.PageRequest.first(10)).items().get(0);
        assertEquals(failed, letter.executionId());
        assertEquals(io.stent.operations.ReplayOutcome.REPLAYED, operations.replay(letter.id()));
        assertEquals(io.stent.operations.ReplayOutcome.NOT_FAILED, operations.replay(letter.id()));
        assertEquals(1, operations.countDeadLetters(DeadLetterFilter.all().ofExecution(failed)),
                "all() includes replayed ones");
        assertEquals(0, operations.countDeadLetters(DeadLetterFilter.pending().ofExecution(failed)));

        String pending = start(function);
        caller[0] = "bob-" + UUID.randomUUID();
        assertEquals(io.stent.operations.CancelOutcome.CANCELLED, operations.cancel(pending));
        assertEquals(ExecutionStatus.CANCELLED, store.executions().find(pending).orElseThrow().status());
        assertThrows(io.stent.ExecutionFinishedException.class, () -> operations.signalJson(pending, "go", "1"));
        assertThrows(io.stent.ExecutionNotFoundException.class, () -> operations.cancel("no-such-execution"));
        assertThrows(io.stent.StentArgumentException.class, () -> operations.signalJson(start(function), "go", "{x"));

        var replays = jdbcStore.queries().audit(alice, null, io.stent.operations.PageRequest.first(10)).items();
        assertEquals(List.of("dead-letter.replay NOT_FAILED " + letter.id(), "dead-letter.replay REPLAYED "
                + letter.id()), replays.stream().map(a -> a.operation() + " " + a.outcome() + " " + a.targets())
                .sorted().toList());
        var changes = jdbcStore.queries().audit(caller[0], null, io.stent.operations.PageRequest.first(10)).items();
        assertEquals(List.of("execution.cancel CANCELLED 1", "execution.cancel NOT_FOUND 0",
                "execution.signal FINISHED 0"), changes.stream().map(a -> a.operation() + " " + a.outcome() + " "
                + a.affected()).sorted().toList(), "a refused signal payload is not an action");
    }

    @Test
    void executionDetail_showsWhoHoldsEachOpenTask_andWhetherItIsStuck() throws Exception {
        String function = fn();
        String healthy = start(function);
        String worker = "alive-" + UUID.randomUUID();
        store.workers().register(worker(worker, 11));
        store.claims().claim(worker, k(function), 1, Duration.ofHours(1));
        var task = jdbcStore.queries().execution(healthy).orElseThrow().tasks().get(0);
        assertEquals(worker, task.leaseOwner());
        assertEquals("RUNNING", task.status());
        assertNotNull(task.leaseExpiresAt());
        assertNotNull(task.ownerHeartbeatAt());
        assertEquals(io.stent.operations.TaskHealth.OK, task.health());
        assertFalse(jdbcStore.queries().execution(healthy).orElseThrow().stuck());

        silenceWorker(worker);
        assertEquals(io.stent.operations.TaskHealth.OWNER_SILENT, health(healthy));
        store.workers().deregister(worker);
        assertEquals(io.stent.operations.TaskHealth.OWNER_GONE, health(healthy));
        moveTaskTimes(healthy, "lease_expires_at");
        assertEquals(io.stent.operations.TaskHealth.LEASE_EXPIRED, health(healthy));
        assertTrue(jdbcStore.queries().execution(healthy).orElseThrow().stuck());

        String waiting = start(function + "-nobody-runs-it");
        assertEquals(io.stent.operations.TaskHealth.OK, health(waiting), "just due");
        moveTaskTimes(waiting, "run_at");
        assertEquals(io.stent.operations.TaskHealth.OVERDUE, health(waiting));
    }

    private io.stent.operations.TaskHealth health(String execution) {
        return jdbcStore.queries().execution(execution).orElseThrow().tasks().get(0).health();
    }

    /** Moves a time of an execution's tasks an hour back. */
    private void moveTaskTimes(String execution, String column) throws Exception {
        try (var connection = database.dataSource().getConnection();
             var statement = connection.prepareStatement("UPDATE stent_task SET " + column + " = ?"
                     + " WHERE execution_id = ?")) {
            statement.setObject(1, java.time.OffsetDateTime.now().minusHours(1));
            statement.setString(2, execution);
            assertEquals(1, statement.executeUpdate());
        }
    }

    @Test
    void audit_ofABulkAction_listsTheFirstThousandTargets_andCountsTheRest() {
        List<String> targets = java.util.stream.IntStream.range(0, 1_200).mapToObj(i -> "id-" + i).toList();
        var row = jdbcStore.audit().record("bulk-" + UUID.randomUUID(), "dead-letter.replay-matching", targets,
                1_200, "REPLAYED", null);
        assertTrue(row.targets().startsWith("id-0 id-1 "), row.targets());
        assertTrue(row.targets().endsWith("id-999 (and 200 more)"), row.targets());
        assertEquals(1_200, row.affected());
    }

    @Test
    void replay_writesTheDatabaseClock_whateverTheJvmTimeZone() {
        String function = fn();
        failForGood(function, "A");
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Auckland"));
        try {
            DeadLetter letter = letters(DeadLetterFilter.pending().withFunction(function), 1, 0).get(0);
            assertEquals(io.stent.operations.ReplayOutcome.REPLAYED, jdbcStore.deadLetters().replay(letter.id()));
            DeadLetter replayed = jdbcStore.queries().deadLetter(letter.id()).orElseThrow();
            assertTrue(Duration.between(letter.failedAt(), replayed.replayedAt()).abs().toMinutes() < 1,
                    "failed at " + letter.failedAt() + ", replayed at " + replayed.replayedAt());
            ClaimedTask again = store.claims().claim("w", k(function), 1, LEASE).get(0);
            assertTrue(Duration.between(letter.failedAt(), again.claimedAt()).abs().toMinutes() < 1,
                    "the replay's task was due at once by the database clock");
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    @Test
    void dueTasks_countsDueUnclaimedTasks_notDelayedOrClaimedOnes() {
        var queries = jdbcStore;
        long before = queries.dueTasks();
        String function = fn();
        start(function);
        start(function);
        store.executions().create(new NewExecution(UUID.randomUUID().toString(), function, 1, "default", "[1]",
                null, java.time.Duration.ofHours(1), null, null, null, 0));
        assertEquals(before + 2, queries.dueTasks(), "two due tasks; the delayed one is not due");
        assertEquals(1, store.claims().claim("w", k(function), 1, LEASE).size());
        assertEquals(before + 1, queries.dueTasks(), "a claimed task no longer waits");
    }

    @Test
    void stepLog_writesOnce_secondWriterGetsFirstRecord() {
        String id = start(fn());
        StepRecord first = StepRecord.finished(id, "", 1, "step", StepStatus.COMPLETED, "[]", "\"first\"", 1, 5);
        StepRecord second = StepRecord.finished(id, "", 1, "step", StepStatus.COMPLETED, "[]", "\"second\"", 2, 7);
        assertEquals("\"first\"", store.steps().record(first).output());
        assertEquals("\"first\"", store.steps().record(second).output());
        assertEquals("\"first\"", store.steps().find(id, "", 1).orElseThrow().output());
        assertTrue(store.steps().find(id, "", 2).isEmpty());
        store.steps().record(StepRecord.finished(id, "1", 1, "inner", StepStatus.FAILED, "[]", "{}", 3, 1));
        Set<String> positions = new HashSet<>();
        store.steps().list(id).forEach(step -> positions.add(step.parentPath() + "/" + step.seq()));
        assertEquals(Set.of("/1", "1/1"), positions);
        assertNotEquals(first, store.steps().list(id).get(1));
    }
}
