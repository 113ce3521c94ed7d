package io.stent.admin;

import io.stent.store.ExecutionQueries;
import io.stent.store.JdbcStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The console's view of the Stent tables, on the DataSource named by {@code stent.datasource}.
 * The console never migrates the schema; the applications that run Stent do.
 */
@ApplicationScoped
public class AdminStore {

    @Inject
    @ConfigProperty(name = "stent.datasource", defaultValue = "java:comp/DefaultDataSource")
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
            try {
                store = JdbcStore.on((DataSource) new InitialContext().lookup(dataSourceName));
            } catch (NamingException e) {
                throw new IllegalStateException("STENT-1502 cannot look up stent.datasource '" + dataSourceName
                        + "': " + e.getMessage(), e);
            }
        }
        return store;
    }
}
