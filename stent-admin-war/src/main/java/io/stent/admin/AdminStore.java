package io.stent.admin;

import io.stent.operations.StentOperations;
import io.stent.store.JdbcStore;
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

    /**
     * The operations on the Stent tables, acting for the logged-in user (their name goes to the
     * audit trail), connecting on first use.
     *
     * @return the operations
     */
    public StentOperations operations() {
        return new StoreOperations(store(), () -> caller.getName());
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
