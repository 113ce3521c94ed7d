package io.stent.admin;

import io.stent.operations.StentOperations;
import io.stent.store.JdbcStore;
import io.stent.store.SchemaMigrator;
import io.stent.store.StentDataSource;
import io.stent.store.StoreOperations;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console's view of the Stent tables, on the DataSource that {@code stent.datasource} names
 * (found the way the runtime finds it). The console never migrates the schema; the applications
 * that run Stent do.
 */
@ApplicationScoped
public class AdminStore {

    private static final Logger LOG = Logger.getLogger(AdminStore.class.getName());

    @Inject
    @ConfigProperty(name = StentDataSource.KEY, defaultValue = StentDataSource.DEFAULT)
    String dataSourceName;

    @Inject
    @ConfigProperty(name = "stent.console.search-budget", defaultValue = "100000")
    int searchBudget;

    @Inject
    Principal caller;

    private JdbcStore store;
    private volatile boolean schemaReady;

    /**
     * The operations on the Stent tables, acting for the logged-in user (their name goes to the
     * audit trail), connecting on first use.
     *
     * @return the operations
     */
    public StentOperations operations() {
        JdbcStore ready = store();
        requireSchema(ready);
        return new StoreOperations(ready, () -> caller.getName(), searchBudget).withBatchJobs(dataSourceName);
    }

    /** Until the tables are there and current, every call says what is missing instead of failing inside. */
    private void requireSchema(JdbcStore ready) {
        if (schemaReady) {
            return;
        }
        int version = ready.schemaVersion();
        int expected = SchemaMigrator.expectedVersion();
        if (version == 0) {
            throw new ConsoleUnavailableException(ConsoleMessages.NO_TABLES.format(dataSourceName));
        }
        if (version < expected) {
            throw new ConsoleUnavailableException(ConsoleMessages.SCHEMA_MISMATCH.format(dataSourceName, version,
                    expected));
        }
        schemaReady = true;
    }

    /**
     * Checks the settings and opens the store while the console deploys, reading the overview once,
     * so that the first operator after a deployment does not wait for the persistence unit to
     * start. A database that is not ready yet is left for the first request, which reports it.
     *
     * @param event the application scope's start
     */
    void warmUp(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (searchBudget < 1) {
            throw new io.stent.StentException(io.stent.store.StoreMessages.BAD_SEARCH_BUDGET, searchBudget);
        }
        try {
            JdbcStore ready = store();
            if (ready.schemaVersion() >= SchemaMigrator.expectedVersion()) {
                new StoreOperations(ready, () -> "console-startup").overview();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.INFO, e, () -> ConsoleMessages.NOT_READ_AT_DEPLOY.format(dataSourceName));
        }
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
