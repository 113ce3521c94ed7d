package io.stent.store;

import io.stent.engine.store.Store;

import javax.sql.DataSource;

/**
 * Builds the JDBC store for a DataSource: detects the dialect once and wires the store parts.
 */
public final class JdbcStore {

    private final Store store;
    private final ExecutionQueries queries;
    private final DeadLetters deadLetters;
    private final SchemaMigrator migrator;
    private final String dialectName;
    private final Jdbc jdbc;

    private JdbcStore(DataSource dataSource, Dialect dialect) {
        this.jdbc = new Jdbc(dataSource, dialect);
        JdbcStepLog steps = new JdbcStepLog(jdbc);
        JdbcExecutionStore executions = new JdbcExecutionStore(jdbc);
        this.store = new Store(executions, new JdbcTaskClaims(jdbc), new JdbcTaskCompletion(jdbc), steps,
                new JdbcSignalStore(jdbc), dialect.wakeups(dataSource), new JdbcResultCache(jdbc),
                new JdbcWorkerRegistry(jdbc, dataSource));
        this.queries = new ExecutionQueries(jdbc, executions, steps);
        this.deadLetters = new DeadLetters(jdbc);
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
        Dialect dialect = Dialects.detect(dataSource);
        try (java.sql.Connection connection = dataSource.getConnection()) {
            dialect.prepare(connection);
        } catch (java.sql.SQLException e) {
            java.util.logging.Logger.getLogger(JdbcStore.class.getName()).warning(() -> "STENT-3008 could not make"
                    + " the " + dialect.name() + " database flush commits at once (" + e.getMessage() + "); commits of"
                    + " the last moments before a crash may be lost. Grant the setting or use PostgreSQL.");
        }
        return new JdbcStore(dataSource, dialect);
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
     * The dead-letter queue.
     *
     * @return the dead letters
     */
    public DeadLetters deadLetters() {
        return deadLetters;
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
     * How far the JVM's clock is ahead of the database's (negative when behind), corrected for
     * half the query's round trip. Stent decides due-ness and leases with the database clock; the
     * drift only matters for timestamps the application computes itself.
     *
     * @return the drift
     */
    public java.time.Duration clockDrift() {
        return jdbc.autoCommit(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                long before = System.currentTimeMillis();
                try (java.sql.ResultSet rows = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
                    rows.next();
                    long after = System.currentTimeMillis();
                    long database = rows.getObject(1, java.time.OffsetDateTime.class).toInstant().toEpochMilli();
                    return java.time.Duration.ofMillis((before + after) / 2 - database);
                }
            }
        });
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
