package io.stent.admin;

import io.stent.store.ExecutionQueries;
import io.stent.store.JdbcStore;
import io.stent.store.StentDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;


/**
 * The console's view of the Stent tables, on the DataSource named by {@code stent.datasource}.
 * The console never migrates the schema; the applications that run Stent do.
 */
@ApplicationScoped
public class AdminStore {

    @Inject
    @ConfigProperty(name = StentDataSource.KEY, defaultValue = StentDataSource.DEFAULT)
    String dataSourceName;

    private JdbcStore store;

    /**
     * The queries, connecting on first use.
     *
     * @return the queries
     */
    public ExecutionQueries queries() {
        return store().queries();
    }

    /**
     * The dead-letter queue, connecting on first use.
     *
     * @return the dead letters
     */
    public io.stent.store.DeadLetters deadLetters() {
        return store().deadLetters();
    }

    private synchronized JdbcStore store() {
        if (store == null) {
            store = JdbcStore.on(StentDataSource.lookup(dataSourceName));
        }
        return store;
    }
}
