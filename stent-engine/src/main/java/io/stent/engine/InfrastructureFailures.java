package io.stent.engine;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells failures of the server or the infrastructure from failures of the application's code.
 * The former (a container not ready or shutting down, a context not active, a connection pool
 * exhausted, a database unreachable or closed) end an attempt without spending it: the task is
 * released, backs off and runs again, and is never dead-lettered for them. Attempts are for the
 * application's code.
 */
final class InfrastructureFailures {

    /** Exceptions that always mean the server or its resources, not the application. */
    private static final Set<String> SERVER_TYPES = Set.of(
            "jakarta.enterprise.context.ContextNotActiveException",
            "javax.enterprise.context.ContextNotActiveException",
            "jakarta.resource.spi.ResourceAllocationException",
            "jakarta.resource.spi.RetryableUnavailableException",
            "com.sun.appserv.connectors.internal.api.PoolingException",
            "jakarta.ejb.NoSuchEJBException",
            "javax.ejb.NoSuchEJBException",
            // The transaction manager failed (a commit's outcome is unknown), unlike a rollback.
            "jakarta.transaction.SystemException",
            "javax.transaction.SystemException");

    /** What JDBC drivers say when the connection itself is lost, wherever a wrapper carries it along. */
    private static final Pattern CONNECTION_LOST = Pattern.compile("(?i).*(terminating connection|connection has"
            + " been closed|connection is closed|connection refused|i/o error occurred while sending|an i/o error"
            + " occurred|connection reset|broken pipe|database has been closed|database is already closed).*",
            Pattern.DOTALL);

    /** Where the server's own code lives: a state failure thrown there is the server's. */
    private static final String[] SERVER_PACKAGES = {"com.sun.", "org.glassfish.", "fish.payara.", "org.jboss.",
        "org.apache.catalina.", "org.eclipse.persistence.", "org.h2.", "org.postgresql.", "org.mariadb.",
        "com.mysql.", "jakarta.", "javax."};

    /** What the server says when it is not ready, is going away, or has closed a resource. */
    private static final Pattern SERVER_STATE = Pattern.compile("(?i).*(container is in|not yet been started"
            + "|is disabled|shutting down|shut down|has been closed|is closed|not active|no active context"
            + "|undeployed|initializing|singleton not set|not available|is stopped"
            // Weld's WELD-000079, when the EJB container behind a session bean is already going:
            + "|could not instantiate a proxy for a session bean).*", Pattern.DOTALL);

    private InfrastructureFailures() {
    }

    /**
     * Tells whether a failure, or one of its causes, comes from the server or the infrastructure.
     *
     * @param failure the failure
     * @return true if it does
     */
    static boolean test(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 25; t = t.getCause(), depth++) {
            if (t instanceof InfrastructureFailure || t instanceof io.stent.engine.store.LeaseLostException
                    || isServerType(t.getClass()) || isConnectionLoss(t)
                    || isServerState(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isServerType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (SERVER_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionLoss(Throwable t) {
        if (t instanceof javax.transaction.xa.XAException xa && (xa.errorCode == javax.transaction.xa.XAException.XAER_RMFAIL
                || xa.errorCode == javax.transaction.xa.XAException.XA_RBCOMMFAIL)) {
            return true;
        }
        if ((t instanceof SQLException || t instanceof javax.transaction.xa.XAException
                || t.getClass().getName().startsWith("jakarta.resource.")) && t.getMessage() != null
                && CONNECTION_LOST.matcher(t.getMessage()).matches()) {
            return true;
        }
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exceptions; 57P: PostgreSQL shutting down or not accepting connections;
            // 53300: too many connections; 90098 and 90121: H2's database closed (or closing at JVM exit).
            return state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                    || state.equals("90098") || state.equals("90121");
        }
        return false;
    }

    /** A state failure (not-ready, closed, shutting down) thrown by the server's own code. */
    private static boolean isServerState(Throwable t) {
        if (!(t instanceof IllegalStateException || t instanceof java.util.concurrent.RejectedExecutionException
                || t.getClass().getName().endsWith("EJBException") || isServerClass(t.getClass().getName()))) {
            return false;
        }
        StackTraceElement[] frames = t.getStackTrace();
        return frames.length > 0 && isServerClass(frames[0].getClassName()) && t.getMessage() != null
                && SERVER_STATE.matcher(t.getMessage()).matches();
    }

    private static boolean isServerClass(String name) {
        for (String prefix : SERVER_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure and its causes on one line, for the log: {@code A: message <- B: message}.
     *
     * @param failure the failure
     * @return the line
     */
    static String chain(Throwable failure) {
        StringBuilder line = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 6; t = t.getCause() == t ? null : t.getCause(), depth++) {
            line.append(depth == 0 ? "" : " <- ").append(t);
            if (t instanceof javax.transaction.xa.XAException xa) {
                line.append(" [XA error code ").append(xa.errorCode).append(']');
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                line.append(" [SQL state ").append(sql.getSQLState()).append(']');
            }
        }
        return line.toString();
    }
}
