package io.stent.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Brings the schema to the version this jar expects, applying numbered migrations under a lock
 * so that instances starting together migrate once. Refuses a schema newer than the code.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private final DataSource dataSource;
    private final Dialect dialect;

    SchemaMigrator(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /**
     * The schema version this code needs.
     *
     * @return the version
     */
    public static int expectedVersion() {
        return Migration.latest();
    }

    /**
     * Applies missing migrations.
     *
     * @param holder who migrates, for the lock record
     * @return the schema version afterwards
     */
    public int migrate(String holder) {
        try (Connection connection = dialect.adapt(dataSource.getConnection())) {
            connection.setAutoCommit(true);
            createVersionTable(connection);
            dialect.lockSchema(connection, holder);
            try {
                int current = currentVersion(connection);
                if (current > Migration.latest()) {
                    throw new StoreException(StoreMessages.SCHEMA_TOO_NEW.format(current, Migration.latest()), null);
                }
                for (Migration migration : Migration.of(dialect.name())) {
                    if (migration.version() > current) {
                        apply(connection, migration);
                    }
                }
                return Math.max(current, Migration.latest());
            } finally {
                dialect.unlockSchema(connection);
            }
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    /**
     * Reads the applied schema version without changing anything (for readiness checks).
     *
     * @return the version, 0 for an empty database
     */
    public int currentVersion() {
        try (Connection connection = dialect.adapt(dataSource.getConnection())) {
            return currentVersion(connection);
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        LOG.info(() -> StoreMessages.MIGRATION_APPLIED.format(migration.version(), migration.description(),
                dialect.name()));
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
            try (PreparedStatement record = connection.prepareStatement(RECORD_VERSION)) {
                record.setInt(1, migration.version());
                record.setString(2, migration.description());
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Records one applied version, with its number and description as parameters. */
    static final String RECORD_VERSION = "INSERT INTO stent_schema_version (version, description, applied_at)"
            + " VALUES (?, ?, CURRENT_TIMESTAMP)";

    private void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.versionTable());
        }
    }

    private int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM stent_schema_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            if (dialect.isMissingTable(e)) {
                return 0;
            }
            throw e;
        }
    }
}
