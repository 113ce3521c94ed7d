package io.stent.store;

import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.FunctionKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

/**
 * H2: the claim selects with {@code FOR UPDATE SKIP LOCKED} and updates the locked rows in the
 * same transaction ({@link SelectThenUpdateClaim}); the migration lock is a row in a lock table,
 * because H2 commits DDL at once.
 */
final class H2Dialect implements Dialect {

    private static final long STALE_LOCK_MINUTES = 10;

    @Override
    public String eclipseLinkPlatform() {
        return "org.eclipse.persistence.platform.database.H2Platform";
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
        }
    }

    @Override
    public String nowPlusMillis() {
        return "DATEADD(MILLISECOND, ?, CURRENT_TIMESTAMP)";
    }

    @Override
    public void bindMillis(PreparedStatement statement, int index, long millis) throws SQLException {
        statement.setLong(index, millis);
    }

    @Override
    public List<ClaimedTask> claim(Connection connection, String owner, Collection<FunctionKey> functions, int limit,
                                   long leaseMillis) throws SQLException {
        return SelectThenUpdateClaim.claim(connection, this, owner, functions, limit, leaseMillis);
    }

    @Override
    public String onConflictDoNothing() {
        return "";
    }

    @Override
    public void lockSchema(Connection connection, String holder) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS stent_schema_lock (id INTEGER PRIMARY KEY,"
                    + " holder VARCHAR(200) NOT NULL, locked_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(STALE_LOCK_MINUTES);
        while (true) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO stent_schema_lock (id, holder, locked_at) VALUES (1, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, holder);
                insert.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
            }
            try (Statement stale = connection.createStatement()) {
                stale.executeUpdate("DELETE FROM stent_schema_lock WHERE locked_at < DATEADD(MINUTE, -"
                        + STALE_LOCK_MINUTES + ", CURRENT_TIMESTAMP)");
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException(StoreMessages.SCHEMA_LOCK_HELD.format(
                        "the schema lock is still held after " + STALE_LOCK_MINUTES
                                + " minutes; see table stent_schema_lock"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the schema lock", e);
            }
        }
    }

    @Override
    public void unlockSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM stent_schema_lock WHERE id = 1");
        }
    }

    @Override
    public boolean isMissingTable(SQLException e) {
        return "42S02".equals(e.getSQLState()) || "42S04".equals(e.getSQLState()) || "42102".equals(e.getSQLState());
    }
}
