package io.stent.store;

import io.stent.engine.store.Store;

import javax.sql.DataSource;

/**
 * Builds the JDBC store for a DataSource: detects the dialect once and wires the store parts.
 */
public final class JdbcStore {

    private final Store store;
    private final ExecutionQueries queries;
    private final SchemaMigrator migrator;
    private final String dialectName;

    private JdbcStore(DataSource dataSource, Dialect dialect) {
        Jdbc jdbc = new Jdbc(dataSource, dialect);
        JdbcStepLog steps = new JdbcStepLog(jdbc);
        this.store = new Store(new JdbcExecutionStore(jdbc), new JdbcTaskClaims(jdbc), new JdbcTaskCompletion(jdbc),
                steps);
        this.queries = new ExecutionQueries(jdbc, steps);
        this.migrator = new SchemaMigrator(dataSource, dialect);
        this.dialectName = dialect.name();
    }

    /**
     * Creates the store, detecting the database.
     *
     * @param dataSource Stent's DataSource
     * @return the store
     * @throws StoreException if the database is unreachable or not supported
     */
    public static JdbcStore on(DataSource dataSource) {
        return new JdbcStore(dataSource, Dialects.detect(dataSource));
    }

    /**
     * The engine's view of the store.
     *
     * @return the store parts
     */
    public Store store() {
        return store;
    }

    /**
     * Read-only queries for the admin console.
     *
     * @return the queries
     */
    public ExecutionQueries queries() {
        return queries;
    }

    /**
     * The schema migrator for this database.
     *
     * @return the migrator
     */
    public SchemaMigrator migrator() {
        return migrator;
    }

    /**
     * The detected dialect, e.g. {@code postgresql} or {@code h2}.
     *
     * @return the dialect name
     */
    public String dialect() {
        return dialectName;
    }
}
