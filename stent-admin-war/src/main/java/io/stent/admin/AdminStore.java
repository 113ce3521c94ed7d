package io.stent.admin;

import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.SignalStore;
import io.stent.store.AuditTrail;
import io.stent.store.DeadLetters;
import io.stent.store.JdbcStore;
import io.stent.store.StentDataSource;
import io.stent.store.query.StoreQueries;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's view of the Stent tables, on the DataSource that {@code stent.datasource} names
 * (found the way the runtime finds it). The console never migrates the schema; the applications
 * that run Stent do.
 */
@ApplicationScoped
public class AdminStore {

    @Inject
    @ConfigProperty(name = StentDataSource.KEY, defaultValue = StentDataSource.DEFAULT)
    String dataSourceName;

    private JdbcStore store;

    /**
     * The store's queries, connecting on first use.
     *
     * @return the queries
     */
    public StoreQueries queries() {
        return store().queries();
    }

    /**
     * The dead-letter queue's actions, connecting on first use.
     *
     * @return the dead letters
     */
    public DeadLetters deadLetters() {
        return store().deadLetters();
    }

    /**
     * The audit trail of operators' actions, connecting on first use.
     *
     * @return the audit trail
     */
    public AuditTrail audit() {
        return store().audit();
    }

    /**
     * The store's executions, for cancelling them, connecting on first use.
     *
     * @return the executions
     */
    public ExecutionStore executions() {
        return store().store().executions();
    }

    /**
     * The store's signals, connecting on first use.
     *
     * @return the signals
     */
    public SignalStore signals() {
        return store().store().signals();
    }

    private synchronized JdbcStore store() {
        if (store == null) {
            store = JdbcStore.on(StentDataSource.lookup(dataSourceName));
        }
        return store;
    }

    @PreDestroy
    synchronized void close() {
        if (store != null) {
            store.close();
        }
    }
}
