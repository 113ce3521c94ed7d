package io.stent.cdi;

import io.stent.engine.TransactionBoundary;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Stent's transaction boundary in a Jakarta EE server. Work outside a transaction runs as it is;
 * work inside one runs with the transaction suspended through the server's
 * {@link TransactionManager}, or, where the server exposes none, through a new
 * {@link TransactionSuspender} per call.
 */
final class JtaBoundary implements TransactionBoundary {

    private final TransactionSynchronizationRegistry registry;
    private final TransactionManager manager;
    private final Instance<TransactionSuspender> suspenders;

    JtaBoundary(TransactionSynchronizationRegistry registry, TransactionManager manager,
                Instance<TransactionSuspender> suspenders) {
        this.registry = registry;
        this.manager = manager;
        this.suspenders = suspenders;
    }

    @Override
    public <T> T outsideTransaction(Callable<T> work) throws Exception {
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return work.call();
        }
        if (manager != null) {
            Transaction suspended = manager.suspend();
            try {
                return work.call();
            } finally {
                manager.resume(suspended);
            }
        }
        Instance.Handle<TransactionSuspender> handle = suspenders.getHandle();
        try {
            return handle.get().outside(work);
        } finally {
            handle.destroy();
        }
    }

    @Override
    public boolean inTransaction() {
        return registry.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    @Override
    public void afterCompletion(Consumer<Boolean> committed) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the checkpoint is written before the transaction completes; nothing to add
            }

            @Override
            public void afterCompletion(int status) {
                committed.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }

    @Override
    public boolean rollBackLeftover() {
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return false;
        }
        try {
            if (manager != null) {
                manager.rollback();
            } else {
                ((jakarta.transaction.UserTransaction) new javax.naming.InitialContext()
                        .lookup("java:comp/UserTransaction")).rollback();
            }
            return true;
        } catch (Exception e) {
            throw new io.stent.StentException(RuntimeMessages.ROLLBACK_FAILED, e, e);
        }
    }
}
