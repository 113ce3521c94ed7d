package io.stent.admin;

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
