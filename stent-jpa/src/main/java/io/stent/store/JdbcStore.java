package io.stent.store;

import io.stent.engine.store.Store;

import javax.sql.DataSource;

/**
 * Builds the store for a DataSource: detects the dialect once and wires the store parts. The hot
 * path is native SQL in the dialect; the operators' queries, the dead-letter queue's actions and
 * the schema check go through Stent's Jakarta Persistence unit, built on first use. Close the store
 * when its application stops.
 */
public final class JdbcStore implements AutoCloseable {

    private final Store store;
    private final SchemaMigrator migrator;
    private final String dialectName;
    private final Jdbc jdbc;
    private final DataSource dataSource;
    private final Dialect dialect;
    private StentPersistence persistence;
    private boolean closed;

    private JdbcStore(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbc = new Jdbc(dataSource, dialect);
        this.store = new Store(new JdbcExecutionStore(jdbc), new JdbcTaskClaims(jdbc), new JdbcTaskCompletion(jdbc),
                new JdbcStepLog(jdbc), new JdbcSignalStore(jdbc), dialect.wakeups(dataSource), new JdbcResultCache(jdbc),
                new JdbcWorkerRegistry(jdbc, dataSource), new JdbcScheduleStore(jdbc));
        this.migrator = new SchemaMigrator(dataSource, dialect);
        this.dialectName = dialect.name();
    }

    /** The persistence unit, built on first use (EclipseLink's start costs a few hundred milliseconds). */
    private synchronized StentPersistence persistence() {
        if (closed) {
            throw new io.stent.StentException(StoreMessages.STORE_CLOSED);
        }
        if (persistence == null) {
            persistence = StentPersistence.open(dataSource, dialect);
        }
        return persistence;
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
            java.util.logging.Logger.getLogger(JdbcStore.class.getName())
                    .warning(() -> StoreMessages.NO_SYNCHRONOUS_COMMIT.format(
                    dialect.name(), e.getMessage()));
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
     * Deleting what the retention policy says is old enough, in bounded batches.
     *
     * @return the retention operations
     */
    public io.stent.engine.store.Retention retention() {
        return new JdbcRetention(jdbc);
    }

    /**
     * What operators ask of the store (the admin console's queries).
     *
     * @return the queries
     */
    public io.stent.store.query.StoreQueries queries() {
        return new JpaStoreQueries(persistence(), io.stent.operations.Page.SEARCH_BUDGET);
    }

    /**
     * The queries with another search budget.
     *
     * @param searchBudget how many executions a search by status alone reads per call
     * @return the queries
     */
    public io.stent.store.query.StoreQueries queries(int searchBudget) {
        return new JpaStoreQueries(persistence(), searchBudget);
    }

    /**
     * The dead-letter queue's actions.
     *
     * @return the dead letters
     */
    public DeadLetters deadLetters() {
        return new DeadLetters(persistence(), dialect);
    }

    /**
     * Bulk replays of dead letters: their rows and the loop a job runs.
     *
     * @return the bulk replays
     */
    public BulkReplays bulkReplays() {
        return new BulkReplays(persistence(), deadLetters());
    }

    /**
     * The records of retention runs.
     *
     * @return the retention runs
     */
    public RetentionRuns retentionRuns() {
        return new RetentionRuns(persistence());
    }

    /**
     * The audit trail of operators' actions.
     *
     * @return the audit trail
     */
    public AuditTrail audit() {
        return new AuditTrail(persistence());
    }

    /**
     * The schema version the database holds, read through the persistence unit (for readiness).
     *
     * @return the version, 0 for a database without Stent's tables
     */
    public int schemaVersion() {
        try {
            Integer version = persistence().read(manager -> manager.createQuery(
                    "SELECT MAX(v.version) FROM SchemaVersionRow v", Integer.class).getSingleResult());
            return version == null ? 0 : version;
        } catch (jakarta.persistence.PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.sql.SQLException sql && dialect.isMissingTable(sql)) {
                    return 0;
                }
            }
            throw e;
        }
    }

    /**
     * How many tasks are due and wait for a worker (the queue depth, over all queues). It counts
     * the entries of the ready-task index up to now, so it costs in proportion to the backlog:
     * read it every few seconds, not per task.
     *
     * @return the number of due, unclaimed tasks
     */
    public long dueTasks() {
        return jdbc.autoCommit(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM stent_task WHERE status = 'READY' AND run_at <= CURRENT_TIMESTAMP");
                 java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * Closes the persistence unit; the store answers no more queries.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (persistence != null) {
            persistence.close();
            persistence = null;
        }
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
