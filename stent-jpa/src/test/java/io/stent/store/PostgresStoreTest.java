package io.stent.store;

import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskCompletion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on PostgreSQL, the production store, and its notifications. */
class PostgresStoreTest extends StoreContractTest {

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
}
