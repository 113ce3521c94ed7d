package io.stent.store;

import io.stent.engine.store.ClaimedTask;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * H2: the claim selects with {@code FOR UPDATE SKIP LOCKED} and updates the locked rows in the
 * same transaction; the migration lock is a row in a lock table, because H2 commits DDL at once.
 */
final class H2Dialect implements Dialect {

    private static final long STALE_LOCK_MINUTES = 10;

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
    public List<ClaimedTask> claim(Connection connection, String owner, Collection<io.stent.engine.store.FunctionKey> functions, int limit,
                                   long leaseMillis) throws SQLException {
        List<String> ids = new ArrayList<>();
        String pick = "SELECT id FROM stent_task WHERE status = 'READY' AND run_at <= CURRENT_TIMESTAMP"
                + " AND " + SqlLists.functionKeys(functions.size())
                + " ORDER BY priority DESC, run_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";
        try (PreparedStatement statement = connection.prepareStatement(pick)) {
            int index = SqlLists.bindKeys(statement, 1, functions);
            statement.setInt(index, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = SqlLists.placeholders(ids.size());
        try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_task SET status = 'RUNNING',"
                + " lease_owner = ?, lease_expires_at = " + nowPlusMillis() + ", attempt = attempt + 1,"
                + " version = version + 1 WHERE status = 'READY' AND id IN (" + in + ")")) {
            statement.setString(1, owner);
            bindMillis(statement, 2, leaseMillis);
            SqlLists.bind(statement, 3, ids);
            statement.executeUpdate();
        }
        List<ClaimedTask> tasks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT t.id, t.execution_id,"
                + " t.function_name, t.function_version, t.attempt, e.args, CURRENT_TIMESTAMP, e.deadline_at,"
                + " e.status, e.parent_id, t.version, t.requeues"
                + " FROM stent_task t JOIN stent_execution e"
                + " ON e.id = t.execution_id WHERE t.lease_owner = ? AND t.id IN (" + in + ")")) {
            statement.setString(1, owner);
            SqlLists.bind(statement, 2, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tasks.add(ClaimRows.map(rows));
                }
            }
        }
        return tasks;
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
                throw new SQLException("STENT-3003 the schema lock is still held after " + STALE_LOCK_MINUTES
                        + " minutes; see table stent_schema_lock");
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
