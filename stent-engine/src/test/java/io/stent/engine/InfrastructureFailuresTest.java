package io.stent.engine;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfrastructureFailuresTest {

    /** Stands for jakarta.ejb.EJBException, which the engine knows by name only. */
    static final class EJBException extends RuntimeException {
        EJBException(String message) {
            super(message);
        }
    }

    private static <T extends Throwable> T thrownAt(T failure, String className) {
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "invoke", "X.java", 1)});
        return failure;
    }

    @Test
    void lostOrRefusedDatabaseConnections_areInfrastructure_evenWrapped() {
        assertTrue(InfrastructureFailures.test(new SQLException("connection refused", "08001")));
        assertTrue(InfrastructureFailures.test(new RuntimeException(new SQLRecoverableException("gone"))));
        assertTrue(InfrastructureFailures.test(new SQLException("terminating connection", "57P01")));
        assertTrue(InfrastructureFailures.test(new SQLException("too many clients", "53300")));
        assertTrue(InfrastructureFailures.test(new SQLException("database closed at shutdown", "90121")));
    }

    @Test
    void dataErrors_areTheApplications() {
        assertFalse(InfrastructureFailures.test(new SQLException("duplicate key", "23505")));
        assertFalse(InfrastructureFailures.test(new IllegalArgumentException("bad input")));
    }

    @Test
    void containerStateFailures_thrownByTheServer_areInfrastructure() {
        assertTrue(InfrastructureFailures.test(new RuntimeException("step failed", thrownAt(
                new EJBException("Attempt to invoke when container is in Initializing"),
                "com.sun.ejb.containers.BaseContainer"))));
        assertTrue(InfrastructureFailures.test(thrownAt(
                new IllegalStateException("This web container has not yet been started"),
                "org.apache.catalina.core.StandardContext")));
        assertTrue(InfrastructureFailures.test(new InfrastructureFailure(new IllegalStateException("x"))));
        // seen while Payara stopped on SIGTERM: the EJB container was going before the worker knew
        assertTrue(InfrastructureFailures.test(new RuntimeException("step failed", thrownAt(new IllegalStateException(
                "WELD-000079: Could not instantiate a proxy for a session bean: Session bean [class x.Ledger]"),
                "org.jboss.weld.bean.SessionBean"))));
    }

    @Test
    void theSameWords_thrownByTheApplication_areTheApplications() {
        assertFalse(InfrastructureFailures.test(thrownAt(
                new IllegalStateException("the payment service is shutting down"), "com.example.shop.Payments")));
        assertFalse(InfrastructureFailures.test(thrownAt(
                new EJBException("Attempt to invoke when container is in Initializing"), "com.example.Fake")));
    }

    @Test
    void aCommitThatTheTransactionManagerCouldNotComplete_isInfrastructure() {
        javax.transaction.xa.XAException lost = new javax.transaction.xa.XAException(
                "jakarta.resource.spi.LocalTransactionException: FATAL: terminating connection due to administrator"
                        + " command");
        lost.errorCode = javax.transaction.xa.XAException.XAER_RMERR;
        assertTrue(InfrastructureFailures.test(new RuntimeException("Unable to complete container-managed transaction.",
                lost)));
        javax.transaction.xa.XAException rmFail = new javax.transaction.xa.XAException(
                javax.transaction.xa.XAException.XAER_RMFAIL);
        assertTrue(InfrastructureFailures.test(new RuntimeException("commit", rmFail)));
        javax.transaction.xa.XAException constraint = new javax.transaction.xa.XAException(
                "ERROR: duplicate key value violates unique constraint");
        constraint.errorCode = javax.transaction.xa.XAException.XAER_RMERR;
        assertFalse(InfrastructureFailures.test(new RuntimeException("commit", constraint)),
                "a constraint the data broke at commit is the application's");
    }
}
