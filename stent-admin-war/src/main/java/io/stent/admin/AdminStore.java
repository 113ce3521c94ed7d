package io.stent.admin;

import io.stent.operations.StentOperations;
import io.stent.store.JdbcStore;
import io.stent.store.SchemaMigrator;
import io.stent.store.StentDataSource;
import io.stent.store.StoreOperations;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.Principal;

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
        return new StoreOperations(ready, () -> caller.getName());
    }

    /** Until the tables are there and current, every call says what is missing instead of failing inside. */
    private void requireSchema(JdbcStore ready) {
        if (schemaReady) {
            return;
        }
        int version = ready.schemaVersion();
        int expected = SchemaMigrator.expectedVersion();
        if (version == 0) {
            throw new ConsoleUnavailableException("STENT-1730 the database of " + dataSourceName + " has no Stent"
                    + " tables yet: deploy an application that runs Stent (it creates them), or apply the schema"
                    + " that SchemaPrinter prints");
        }
        if (version < expected) {
            throw new ConsoleUnavailableException("STENT-1731 the Stent tables of " + dataSourceName + " are at"
                    + " schema version " + version + " and this console needs " + expected + ": deploy the"
                    + " application with this Stent version first (it migrates), or apply the upgrade");
        }
        schemaReady = true;
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
