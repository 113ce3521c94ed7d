package io.stent.engine;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs what an operator must see even while the JVM shuts down. On SIGTERM the JDK's shutdown hook
 * resets {@code java.util.logging} (its handlers are closed) while the server still stops the
 * application, so Stent's shutdown messages would vanish; when no handler is left to publish a
 * record, it is written to standard error instead.
 */
public final class StentLog {

    private StentLog() {
    }

    /**
     * Logs a message, falling back to standard error when logging has been shut down.
     *
     * @param logger the logger
     * @param level the level
     * @param message the message
     * @param failure the failure, or null
     */
    public static void log(Logger logger, Level level, String message, Throwable failure) {
        if (!logger.isLoggable(level)) {
            return;
        }
        if (hasHandlers(logger)) {
            logger.log(level, message, failure);
            return;
        }
        LogRecord record = new LogRecord(level, message);
        System.err.println("[" + java.time.Instant.ofEpochMilli(record.getMillis()) + "] [" + level + "] ["
                + logger.getName() + "] " + message + (failure == null ? "" : " (" + failure + ")"));
    }

    private static boolean hasHandlers(Logger logger) {
        for (Logger current = logger; current != null; current = current.getParent()) {
            if (current.getHandlers().length > 0) {
                return true;
            }
            if (!current.getUseParentHandlers()) {
                return false;
            }
        }
        return false;
    }
}
