package io.stent.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connection and transaction handling shared by the store classes: every unit of work gets a
 * connection from the DataSource and commits or rolls back on its own.
 */
final class Jdbc {

    /** One unit of database work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Dialect dialect;

    Jdbc(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs work in one transaction. */
    <T> T inTransaction(Work<T> work) {
        try (Connection connection = dialect.adapt(dataSource.getConnection())) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                dialect.beginTransaction(connection);
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work on a connection of the transaction active on the thread, without committing. */
    <T> T joined(Work<T> work) {
        try (Connection connection = dialect.adapt(dataSource.getConnection())) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs work on a connection in auto-commit mode (single statements). */
    <T> T autoCommit(Work<T> work) {
        try (Connection connection = dialect.adapt(dataSource.getConnection())) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Whether a failure is a unique violation, as the dialect tells. */
    boolean isUniqueViolation(SQLException e) {
        return dialect.isUniqueViolation(e);
    }

    static StoreException failure(SQLException e) {
        return new StoreException(StoreMessages.DATABASE_CALL_FAILED.format(e.getMessage(), e.getSQLState()), e);
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
