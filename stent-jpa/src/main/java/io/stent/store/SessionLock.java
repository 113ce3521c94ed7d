package io.stent.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session-level lock (PostgreSQL's advisory locks, MariaDB's named locks) that a worker holds on
 * a connection of its own for as long as it lives. When the worker's process dies, its connection
 * closes and the database frees the lock at once: other workers see the lock free and take its
 * tasks over without waiting for their leases. If the connection breaks while the worker lives, it
 * reconnects and takes the lock again.
 */
final class SessionLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SessionLock.class.getName());
    private static final long CHECK_MILLIS = 1000;

    /**
     * How a database takes and frees a session lock: each statement has one parameter, the lock.
     *
     * @param lock the statement that waits for the lock and takes it
     * @param unlock the statement that frees it
     * @param answersOne whether the lock statement answers 1 when it took the lock (anything else
     *     means it did not)
     */
    record Statements(String lock, String unlock, boolean answersOne) {
    }

    private final DataSource dataSource;
    private final Statements statements;
    private final Object key;
    private volatile boolean running = true;
    private Thread thread;

    private SessionLock(DataSource dataSource, Statements statements, Object key) {
        this.dataSource = dataSource;
        this.statements = statements;
        this.key = key;
    }

    /**
     * Takes the lock on a thread of its own, and holds it until closed.
     *
     * @param dataSource where to take the connection
     * @param statements the database's lock statements
     * @param key the lock's parameter
     * @param threads makes the thread
     * @return the held lock
     */
    static SessionLock hold(DataSource dataSource, Statements statements, Object key, ThreadFactory threads) {
        SessionLock lock = new SessionLock(dataSource, statements, key);
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
                take(connection);
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
                    LOG.log(Level.WARNING, StoreMessages.SESSION_LOCK_LOST.format(backoff), e);
                    Pause.sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void take(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(statements.lock())) {
            lock.setObject(1, key);
            try (ResultSet rows = lock.executeQuery()) {
                if (statements.answersOne() && !(rows.next() && rows.getInt(1) == 1 && !rows.wasNull())) {
                    throw new SQLException(StoreMessages.SESSION_LOCK_REFUSED.format(key));
                }
            }
        }
    }

    private void unlock(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement(statements.unlock())) {
            unlock.setObject(1, key);
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
