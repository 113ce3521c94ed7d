package io.stent.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A PostgreSQL session-level advisory lock that a worker holds on a connection of its own for as
 * long as it lives. When the worker's process dies, its connection closes and PostgreSQL frees the
 * lock at once: other workers see the lock free and take its tasks over without waiting for their
 * leases. If the connection breaks while the worker lives, it reconnects and takes the lock again.
 */
final class PgSessionLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PgSessionLock.class.getName());
    private static final long CHECK_MILLIS = 1000;

    private final DataSource dataSource;
    private final long key;
    private volatile boolean running = true;
    private Thread thread;

    private PgSessionLock(DataSource dataSource, long key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    static PgSessionLock hold(DataSource dataSource, long key, ThreadFactory threads) {
        PgSessionLock lock = new PgSessionLock(dataSource, key);
        lock.thread = threads.newThread(lock::keep);
        lock.thread.setName("stent-session-lock");
        lock.thread.setDaemon(true);
        lock.thread.start();
        return lock;
    }

    private void keep() {
        long backoff = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    lock.setLong(1, key);
                    lock.execute();
                }
                backoff = 100;
                while (running && connection.isValid(5)) {
                    synchronized (this) {
                        wait(CHECK_MILLIS);
                    }
                }
                if (!running) {
                    unlock(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "STENT-3202 the connection that holds this worker's session lock broke;"
                            + " other workers may take its tasks over meanwhile (their results are then fenced)."
                            + " Reconnecting in " + backoff + " ms", e);
                    Pause.sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void unlock(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
