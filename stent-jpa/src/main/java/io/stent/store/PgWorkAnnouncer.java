package io.stent.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the other instances that work is ready with one NOTIFY for many starts, sent by one
 * thread right after their commits.
 * <p>
 * A transaction that notifies takes a database-wide lock at its commit and holds it until the
 * commit is flushed: with a NOTIFY in every start, concurrent starts committed one at a time.
 * Here a start only marks an announcement as due. While one is being sent, every start that
 * commits meanwhile is covered by the next, so the database sees at most one notifying
 * transaction at a time per instance and starts never wait for one. If the instance dies between
 * a commit and its announcement, the other instances find the work when they poll.
 */
final class PgWorkAnnouncer {

    private static final Logger LOG = Logger.getLogger(PgWorkAnnouncer.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    /**
     * The least time between two announcements: a burst of starts sends one every few
     * milliseconds instead of one after the other, and an instance woken by the first claims until
     * the queue is empty anyway. A start after a quiet moment is announced at once.
     */
    private static final long SPACING_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(5);

    private final DataSource dataSource;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition due = lock.newCondition();
    private boolean pending;
    private boolean running;
    private Thread thread;

    PgWorkAnnouncer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks an announcement as due; returns at once. */
    void announce() {
        lock.lock();
        try {
            pending = true;
            due.signal();
        } finally {
            lock.unlock();
        }
    }

    void start(ThreadFactory threads) {
        lock.lock();
        try {
            if (running) {
                return;
            }
            running = true;
            thread = threads.newThread(this::sendWhileRunning);
            thread.setName("stent-announcer");
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    void stop() {
        Thread sender;
        lock.lock();
        try {
            if (!running) {
                return;
            }
            running = false;
            due.signal();
            sender = thread;
        } finally {
            lock.unlock();
        }
        try {
            sender.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendWhileRunning() {
        long backoff = 100;
        long lastSent = System.nanoTime() - SPACING_NANOS;
        while (awaitDue(lastSent + SPACING_NANOS)) {
            lastSent = System.nanoTime();
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_notify('" + PgNotificationListener.WORK + "', '')");
                }
                backoff = 100;
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.WARNING, StoreMessages.ANNOUNCEMENT_FAILED.format(backoff), e);
                Pause.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /**
     * Waits until an announcement is due and no earlier than {@code notBefore}, and takes it; false
     * once stopped with none due (one due at the stop is still sent: the starts just before it are
     * announced).
     */
    private boolean awaitDue(long notBefore) {
        lock.lock();
        try {
            while (running && !pending) {
                due.awaitUninterruptibly();
            }
            try {
                for (long wait = notBefore - System.nanoTime(); running && wait > 0;
                     wait = notBefore - System.nanoTime()) {
                    due.awaitNanos(wait); // starts meanwhile join this announcement
                }
            } catch (InterruptedException e) {
                running = false; // the server takes the thread back: send what is due, then end
                Thread.currentThread().interrupt();
            }
            boolean take = pending;
            pending = false;
            return take;
        } finally {
            lock.unlock();
        }
    }
}
