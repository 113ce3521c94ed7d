package io.stent.store;

import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskCompletion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on PostgreSQL, the production store, and its notifications. */
class PostgresStoreTest extends SessionLockStoreTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }

    @Test
    void batchCompletion_announcesAwaitedExecutions_only() {
        Set<String> announced = ConcurrentHashMap.newKeySet();
        store.wakeups().start(Executors.defaultThreadFactory(), () -> { }, announced::add);
        try {
            String function = fn();
            announcedOnceListening(function, announced);
            String awaited = start(function);
            String unawaited = start(function);
            List<ClaimedTask> tasks = store.claims().claim("w", k(function), 2, LEASE);
            store.executions().watch(awaited);
            store.completions().completeAll(tasks.stream()
                    .map(task -> new TaskCompletion.Completion(task, "1")).toList(), "w");
            String fence = completeWatched(function);
            awaitAnnounced(announced, fence);
            assertTrue(announced.contains(awaited), "the awaited execution's end was announced");
            assertFalse(announced.contains(unawaited), "nobody awaited this one: no notification");
        } finally {
            store.wakeups().stop();
        }
    }

    @Test
    void claimAfterABurst_readsTheReadyIndexInOrderUpToTheLimit_whateverTheStaleStatisticsSay() throws Exception {
        String function = fn();
        String prefix = "b" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-";
        try (java.sql.Connection connection = database.dataSource().getConnection();
             var statement = connection.createStatement()) {
            // Statistics from before the burst, when no task of it was ready; then the burst, ahead of
            // any other test's tasks in the claim's order (priority, then due time).
            statement.execute("ANALYZE stent_task");
            statement.execute("ANALYZE stent_execution");
            statement.execute("INSERT INTO stent_execution (id, function_name, function_version, status, args, queue,"
                    + " attempts, created_at, updated_at) SELECT '" + prefix + "' || g, '" + function + "', 1,"
                    + " 'PENDING', '[]', 'default', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP"
                    + " FROM generate_series(1, 20000) g");
            statement.execute("INSERT INTO stent_task (id, execution_id, kind, function_name, function_version, queue,"
                    + " priority, status, run_at, attempt, version, created_at) SELECT 't" + prefix + "' || g, '"
                    + prefix + "' || g, 'ROOT', '" + function + "', 1, 'default', CASE WHEN g = 20000 THEN 1001 ELSE"
                    + " 1000 END, 'READY', CURRENT_TIMESTAMP - INTERVAL '100 years' - make_interval(secs => 20000 - g), 0, 0, CURRENT_TIMESTAMP"
                    + " FROM generate_series(1, 20000) g");
            connection.setAutoCommit(false);
            // The backend's count includes recent transactions whose statistics it has not reported
            // yet (other tests' claims on this pooled connection): the claim's share is the difference.
            long before = readyIndexEntriesReturned(statement);
            List<ClaimedTask> claimed = new PostgresDialect().claim(connection, "w", k(function), 32, 30_000);
            long entriesRead = readyIndexEntriesReturned(statement) - before;
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("DELETE FROM stent_task WHERE function_name = '" + function + "'");
            statement.execute("DELETE FROM stent_execution WHERE function_name = '" + function + "'");
            assertEquals(32, claimed.size());
            assertEquals(prefix + "20000", claimed.get(0).executionId(), "the higher priority first");
            assertEquals(prefix + "1", claimed.get(1).executionId(), "then the longest due");
            // Read in order, the claim stops after its 32; a plan from the stale statistics reads the
            // whole burst, 20,000 entries and more.
            assertTrue(entriesRead < 1_000, "a claim of 32 read " + entriesRead + " entries of the ready index:"
                    + " it scanned the burst instead of reading the index in order");
        }
    }

    @Test
    void announcements_reachTheOtherInstances_oneForManyStarts() {
        AtomicInteger heardThere = new AtomicInteger();
        try (JdbcStore other = JdbcStore.on(database.dataSource())) {
            other.store().wakeups().start(Executors.defaultThreadFactory(), heardThere::incrementAndGet, id -> { });
            store.wakeups().start(Executors.defaultThreadFactory(), () -> { }, id -> { });
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                int listening = heardThere.get(); // the listener wakes its worker once it listens
                while (heardThere.get() == listening || heardThere.get() == 0) {
                    assertTrue(System.nanoTime() < deadline, "the other instance never heard an announcement");
                    store.wakeups().announceWork();
                    LockSupport.parkNanos(20_000_000L);
                }
                int before = heardThere.get();
                for (int i = 0; i < 1_000; i++) {
                    store.wakeups().announceWork();
                }
                while (heardThere.get() == before) {
                    assertTrue(System.nanoTime() < deadline, "1,000 announcements were never heard");
                    LockSupport.parkNanos(5_000_000L);
                }
                LockSupport.parkNanos(300_000_000L); // let any further notifications arrive
                int heard = heardThere.get() - before;
                assertTrue(heard < 100, "1,000 starts' announcements took " + heard + " notifications");
            } finally {
                store.wakeups().stop();
                other.store().wakeups().stop();
            }
        }
    }

    @Test
    void everyKeyAndNameColumn_comparesByteByByte_underAnyDatabaseLocale() throws Exception {
        try (java.sql.Connection connection = database.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT table_name || '.' || column_name,"
                     + " COALESCE(collation_name, '(database default)') FROM information_schema.columns"
                     + " WHERE table_schema = current_schema() AND table_name LIKE 'stent\\_%'"
                     + " AND table_name <> 'stent_schema_version' AND data_type = 'character varying' ORDER BY 1")) {
            List<String> localeColumns = new java.util.ArrayList<>();
            Set<String> columns = new java.util.HashSet<>();
            while (rows.next()) {
                columns.add(rows.getString(1));
                if (!"C".equals(rows.getString(2))) {
                    localeColumns.add(rows.getString(1) + " (" + rows.getString(2) + ")");
                }
            }
            assertTrue(columns.containsAll(Set.of("stent_execution.id", "stent_task.id", "stent_task.execution_id",
                    "stent_task.lease_owner", "stent_step.execution_id")), "the schema's columns: " + columns);
            assertTrue(localeColumns.isEmpty(), "VARCHAR columns that compare by the database's locale: "
                    + localeColumns);
        }
    }

    @Test
    void startsWithoutKeyOrParent_writeNoEntryToTheKeyAndParentIndexes_whichLookUpsStillUse() throws Exception {
        String function = fn();
        try (java.sql.Connection connection = database.dataSource().getConnection();
             var statement = connection.createStatement()) {
            long[] before = keyAndParentIndexSizes(statement);
            List<io.stent.engine.store.NewExecution> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                batch.add(io.stent.engine.store.NewExecution.now(java.util.UUID.randomUUID().toString(), function, 1,
                        "default", "[1]", null));
            }
            assertEquals(2_000, store.executions().createAll(batch).size());
            // 2,000 entries for NULL would fill several pages of each index
            long[] after = keyAndParentIndexSizes(statement);
            assertEquals(before[0], after[0], "the idempotency key index grew by keyless starts");
            assertEquals(before[1], after[1], "the parent index grew by root executions");
            String key = "lean-" + java.util.UUID.randomUUID();
            String keyed = start(function, key);
            assertEquals(keyed, start(function, key), "the same key starts nothing new");
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL enable_seqscan = off");
            assertTrue(plan(statement, "SELECT id FROM stent_execution WHERE idempotency_key = 'k'")
                    .contains("stent_execution_idempotency_key_uk"), "a look-up by key reads the key index");
            assertTrue(plan(statement, "SELECT id FROM stent_execution WHERE parent_id = 'p'")
                    .contains("stent_execution_parent_id_ix"), "a look-up by parent reads the parent index");
            connection.rollback();
        }
    }

    private static long[] keyAndParentIndexSizes(java.sql.Statement statement) throws java.sql.SQLException {
        try (java.sql.ResultSet rows = statement.executeQuery("SELECT"
                + " pg_relation_size('stent_execution_idempotency_key_uk'), pg_relation_size('stent_execution_parent_id_ix')")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2)};
        }
    }

    private static String plan(java.sql.Statement statement, String sql) throws java.sql.SQLException {
        StringBuilder plan = new StringBuilder();
        try (java.sql.ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    @Test
    void claim_skipsTheLogFlushOfItsOwnCommitOnly() throws Exception {
        String function = fn();
        start(function);
        try (java.sql.Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            List<ClaimedTask> claimed = new PostgresDialect().claim(connection, "w", k(function), 1, 30_000);
            assertTrue(claimed.size() == 1);
            org.junit.jupiter.api.Assertions.assertEquals("off", synchronousCommit(connection),
                    "the claim's transaction commits without waiting for the flush");
            connection.commit();
            org.junit.jupiter.api.Assertions.assertEquals("on", synchronousCommit(connection),
                    "later transactions on the connection (completions) wait for it again");
        }
    }

    @Test
    void batchCompletion_findsTasksByKey_evenPreparedWhileTheTableWasSmall_andNotThroughTheRunningTaskIndex()
            throws Exception {
        String function = fn();
        for (int i = 0; i < 3; i++) {
            start(function);
        }
        List<ClaimedTask> first = store.claims().claim("w", k(function), 3, LEASE);
        try (java.sql.Connection connection = database.dataSource().getConnection();
             var statement = connection.createStatement()) {
            // Prepared and planned while the table is small, as at a deployment's first completions;
            // then the table grows to a realistic size, mostly waiting tasks, without an ANALYZE.
            statement.execute("ANALYZE stent_task");
            statement.execute("SET plan_cache_mode = force_generic_plan");
            // the server keeps the statement from its first execution on, as pools keep theirs
            connection.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(1);
            String plans = completionPlans(connection, first.subList(0, 1));
            assertTrue(plans.contains("stent_task_pkey"), plans);
            statement.execute("INSERT INTO stent_task (id, execution_id, kind, function_name, function_version, queue,"
                    + " priority, status, run_at, attempt, version, created_at) SELECT 'filler-' || g, 'none', 'ROOT',"
                    + " '" + function + "-filler', 1, 'default', 0, 'READY', CURRENT_TIMESTAMP + INTERVAL '1 day', 0, 0,"
                    + " CURRENT_TIMESTAMP FROM generate_series(1, 20000) g");
            plans = completionPlans(connection, first.subList(1, 3));
            statement.execute("DELETE FROM stent_task WHERE function_name = '" + function + "-filler'");
            statement.execute("RESET plan_cache_mode");
            assertTrue(plans.contains("stent_task_pkey"), plans);
            assertFalse(plans.contains("Seq Scan on stent_task"), plans);
            assertFalse(plans.contains("stent_task_owner_ix"), plans);
        }
    }

    /**
     * Completes the tasks through the batch statement on this connection and returns the plans of
     * what ran (the function's statement too), as auto_explain tells them.
     */
    private static String completionPlans(java.sql.Connection connection, List<ClaimedTask> tasks) throws Exception {
        try (var settings = connection.createStatement()) {
            settings.execute("LOAD 'auto_explain'");
            settings.execute("SET auto_explain.log_min_duration = 0");
            settings.execute("SET auto_explain.log_nested_statements = on");
            settings.execute("SET auto_explain.log_level = notice");
        }
        StringBuilder plans = new StringBuilder();
        try (var complete = connection.prepareStatement(PgBatchCompletion.STATEMENT)) {
            complete.setArray(1, connection.createArrayOf("varchar", tasks.stream().map(ClaimedTask::id).toArray()));
            complete.setArray(2, connection.createArrayOf("text", tasks.stream().map(t -> "1").toArray()));
            complete.setArray(3, connection.createArrayOf("text", tasks.stream()
                    .map(t -> t.claimedAt().toString()).toArray()));
            complete.setString(4, "w");
            int ended = 0;
            try (var rows = complete.executeQuery()) {
                while (rows.next()) {
                    ended++;
                }
            }
            assertEquals(tasks.size(), ended, "every task ended");
            for (var warning = complete.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                plans.append(warning.getMessage()).append('\n');
            }
        } finally {
            try (var settings = connection.createStatement()) {
                settings.execute("RESET auto_explain.log_min_duration");
            }
        }
        return plans.toString();
    }

    private static long readyIndexEntriesReturned(java.sql.Statement statement) throws java.sql.SQLException {
        try (var rows = statement.executeQuery(
                "SELECT pg_stat_get_xact_tuples_returned('stent_task_ready_ix'::regclass)")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String synchronousCommit(java.sql.Connection connection) throws java.sql.SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SHOW synchronous_commit")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Completes watched executions until one is announced: then the listener is listening. */
    private void announcedOnceListening(String function, Set<String> announced) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String probe = completeWatched(function);
            long probeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < probeDeadline) {
                if (announced.contains(probe)) {
                    return;
                }
                LockSupport.parkNanos(5_000_000L);
            }
        }
        throw new AssertionError("the notification listener never started listening");
    }

    private String completeWatched(String function) {
        String id = start(function);
        ClaimedTask task = store.claims().claim("w", k(function), 1, LEASE).get(0);
        store.executions().watch(id);
        store.completions().completeAll(List.of(new TaskCompletion.Completion(task, "1")), "w");
        return id;
    }

    private static void awaitAnnounced(Set<String> announced, String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!announced.contains(id)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never announced: " + id);
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }

    @Override
    void lockAsWorker(java.sql.Connection session, long key) throws java.sql.SQLException {
        try (var lock = session.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
        }
    }
}
