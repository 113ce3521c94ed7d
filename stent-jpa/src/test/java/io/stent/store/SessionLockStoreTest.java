package io.stent.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract of databases with session locks (PostgreSQL, MariaDB): a worker whose process died
 * is known dead as soon as the database has closed its session, without waiting for its leases.
 */
abstract class SessionLockStoreTest extends StoreContractTest {

    /**
     * Takes a worker's session lock on a connection, as the dialect's lock holder does.
     *
     * @param session the connection
     * @param key the worker's lock key
     * @throws java.sql.SQLException on a driver error
     */
    abstract void lockAsWorker(java.sql.Connection session, long key) throws java.sql.SQLException;

    @Test
    void silentWorker_isTakenOverOnlyOnceTheConnectionHoldingItsSessionLockIsGone() throws Exception {
        String function = fn();
        start(function);
        long key = new java.util.Random().nextLong();
        String ghost = "ghost-" + java.util.UUID.randomUUID();
        java.sql.Connection session = database.openSession();
        lockAsWorker(session, key);
        store.workers().register(worker(ghost, key));
        store.claims().claim(ghost, k(function), 1, Duration.ofHours(1));
        silenceWorker(ghost);
        var candidate = store.workers().silentWithTasks("me", Duration.ofSeconds(1)).stream()
                .filter(w -> w.id().equals(ghost)).findFirst().orElseThrow();
        assertEquals(-1, store.workers().recoverIfDead(candidate, false),
                "silent, but its session is alive: it may be stalled, so its leases decide");
        session.close(); // what the database sees when the worker's process dies
        assertEquals(1, recoverOnceTheSessionIsGone(candidate));
        assertEquals(1, store.claims().claim("me", k(function), 1, LEASE).get(0).attempt());
    }

    @Test
    void heldSessionLock_keepsAWorkerAlive_untilItIsClosed() throws Exception {
        String function = fn();
        start(function);
        long key = new java.util.Random().nextLong();
        String held0 = "held-" + java.util.UUID.randomUUID();
        store.workers().register(worker(held0, key));
        AutoCloseable held = store.workers().holdSessionLock(key, Executors.defaultThreadFactory());
        awaitLockTaken(key); // the lock's own thread takes it
        store.claims().claim(held0, k(function), 1, Duration.ofHours(1));
        silenceWorker(held0);
        var candidate = store.workers().silentWithTasks("me", Duration.ofSeconds(1)).stream()
                .filter(w -> w.id().equals(held0)).findFirst().orElseThrow();
        assertEquals(-1, store.workers().recoverIfDead(candidate, false), "the lock is held");
        held.close();
        assertEquals(1, store.workers().recoverIfDead(candidate, false));
    }

    /**
     * The database frees a closed session's locks when its server process has ended, a moment after
     * the client closed the connection; the worker presence round simply tries again, and so does this.
     */
    private int recoverOnceTheSessionIsGone(io.stent.engine.store.WorkerRecord candidate) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        int recovered;
        while ((recovered = store.workers().recoverIfDead(candidate, false)) < 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the closed session still held its lock after 10 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
        return recovered;
    }

    private void awaitLockTaken(long key) {
        Dialect dialect = Dialects.detect(database.dataSource());
        Jdbc jdbc = new Jdbc(database.dataSource(), dialect);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (jdbc.inTransaction(connection -> dialect.sessionLockFree(connection, key))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the session lock " + key + " was not taken within 10 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
        }
    }
}
