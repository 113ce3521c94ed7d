package io.stent.store;

import io.stent.engine.store.WakeupSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Listens on one dedicated PostgreSQL connection for Stent's notifications and turns them into
 * local wake-ups. When the connection breaks it reconnects with backoff; polling covers the gap.
 * Announcements of new work to the other instances go out through a {@link PgWorkAnnouncer}.
 */
final class PgNotificationListener implements WakeupSource {

    static final String WORK = "stent_work";
    static final String FINISHED = "stent_finished";

    private static final Logger LOG = Logger.getLogger(PgNotificationListener.class.getName());
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final PgWorkAnnouncer announcer;
    private volatile boolean running;
    private Thread thread;

    PgNotificationListener(DataSource dataSource) {
        this.dataSource = dataSource;
        this.announcer = new PgWorkAnnouncer(dataSource);
    }

    @Override
    public void announceWork() {
        announcer.announce();
    }

    @Override
    public synchronized void start(ThreadFactory threads, Runnable workReady, Consumer<String> executionFinished) {
        if (running) {
            return;
        }
        running = true;
        announcer.start(threads);
        thread = threads.newThread(() -> listen(workReady, executionFinished));
        thread.setName("stent-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen(Runnable workReady, Consumer<String> executionFinished) {
        long backoff = 100;
        while (running) {
            try (Connection listening = dataSource.getConnection()) {
                if (!listening.getAutoCommit()) {
                    listening.setAutoCommit(true);
                }
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + WORK);
                    statement.execute("LISTEN " + FINISHED);
                }
                PGConnection postgres = listening.unwrap(PGConnection.class);
                backoff = 100;
                workReady.run();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        if (WORK.equals(notification.getName())) {
                            workReady.run();
                        } else if (FINISHED.equals(notification.getName())) {
                            for (String id : notification.getParameter().split(",")) {
                                executionFinished.accept(id);
                            }
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    long wait = backoff;
                    LOG.log(Level.WARNING, StoreMessages.NOTIFICATIONS_LOST.format(wait), e);
                    Pause.sleep(wait);
                    backoff = Math.min(backoff * 2, 10_000);
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        announcer.stop();
        try {
            thread.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
