package io.stent.store;

import io.stent.engine.store.ClaimedTask;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * PostgreSQL: one statement claims a batch with {@code FOR UPDATE SKIP LOCKED} and returns the
 * arguments; the migration lock is an advisory lock.
 */
final class PostgresDialect implements Dialect {

    private static final SessionLock.Statements SESSION_LOCK = new SessionLock.Statements(
            "SELECT pg_advisory_lock(?)", "SELECT pg_advisory_unlock(?)", false);

    /** An arbitrary constant naming Stent's advisory lock. */
    private static final long SCHEMA_LOCK_KEY = 0x5354454e54L;

    @Override
    public String eclipseLinkPlatform() {
        return "org.eclipse.persistence.platform.database.PostgreSQLPlatform";
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public String nowPlusMillis() {
        return "(CURRENT_TIMESTAMP + make_interval(secs => ?))";
    }

    @Override
    public void bindMillis(PreparedStatement statement, int index, long millis) throws SQLException {
        statement.setDouble(index, millis / 1000.0);
    }

    @Override
    public List<ClaimedTask> claim(Connection connection, String owner, Collection<io.stent.engine.store.FunctionKey> functions, int limit,
                                   long leaseMillis) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("a claim takes at least one task, not " + limit);
        }
        // The claim is the function stent_claim (schema V19): its plan does not depend on the task
        // table's statistics, which a burst of starts leaves far from the truth.
        // The claim's commit does not wait for its log flush. If the database crashed before the
        // flush, the claim is undone: the task is due again, and the worker's completion is refused
        // by the lease check, so the task runs again, as after any crash. The next flush (any later
        // commit, such as the task's own checkpoints) makes it durable. (Set here, not in the
        // function: a function's settings end with it.)
        String sql = "SELECT c.*, set_config('synchronous_commit', 'off', true) FROM stent_claim(?, ?, ?, ?) c";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, owner);
            statement.setArray(2, connection.createArrayOf("text", functionKeys(functions)));
            statement.setInt(3, limit);
            bindMillis(statement, 4, leaseMillis);
            List<ClaimedTask> tasks = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tasks.add(ClaimRows.map(rows));
                }
            }
            return tasks;
        }
    }

    /** The function keys as stent_claim takes them: {@code name#version}. */
    private static String[] functionKeys(Collection<io.stent.engine.store.FunctionKey> functions) {
        return functions.stream().map(key -> key.name() + "#" + key.version()).toArray(String[]::new);
    }

    @Override
    public List<ClaimedTask> claimAlone(Jdbc jdbc, String owner, Collection<io.stent.engine.store.FunctionKey> functions,
                                        int limit, long leaseMillis) {
        // The claim is one statement, atomic by itself: auto-commit saves the round trip of a commit.
        return jdbc.autoCommit(connection -> claim(connection, owner, functions, limit, leaseMillis));
    }

    @Override
    public java.util.Map<String, io.stent.ExecutionStatus> completeAlone(
            Jdbc jdbc, List<io.stent.engine.store.TaskCompletion.Completion> completions, String owner) {
        return PgBatchCompletion.complete(jdbc, completions, owner);
    }

    @Override
    public ExecutionWrites executionWrites(Jdbc jdbc) {
        return new PgExecutionWrites(jdbc);
    }

    @Override
    public void notifyWork(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify('"
                + PgNotificationListener.WORK + "', '')")) {
            statement.execute();
        }
    }

    @Override
    public void notifyFinished(Connection connection, String executionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify('"
                + PgNotificationListener.FINISHED + "', ?)")) {
            statement.setString(1, executionId);
            statement.execute();
        }
    }

    @Override
    public void notifyFinished(Connection connection, java.util.Collection<String> executionIds) throws SQLException {
        if (executionIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify('"
                + PgNotificationListener.FINISHED + "', id) FROM unnest(?::text[]) AS id")) {
            statement.setArray(1, connection.createArrayOf("text", executionIds.toArray()));
            statement.execute();
        }
    }

    @Override
    public io.stent.engine.store.WakeupSource wakeups(javax.sql.DataSource dataSource) {
        return new PgNotificationListener(dataSource);
    }

    @Override
    public String onConflictDoNothing() {
        return " ON CONFLICT DO NOTHING";
    }

    @Override
    public void lockSchema(Connection connection, String holder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            statement.setLong(1, SCHEMA_LOCK_KEY);
            statement.execute();
        }
    }

    @Override
    public void unlockSchema(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, SCHEMA_LOCK_KEY);
            statement.execute();
        }
    }

    @Override
    public String heartbeatStatement() {
        return "WITH quick AS (SELECT set_config('synchronous_commit', 'off', true))"
                + " UPDATE stent_worker SET heartbeat_at = CURRENT_TIMESTAMP FROM quick WHERE id = ?";
    }

    @Override
    public AutoCloseable holdSessionLock(javax.sql.DataSource dataSource, long key,
                                         java.util.concurrent.ThreadFactory threads) {
        return SessionLock.hold(dataSource, SESSION_LOCK, key, threads);
    }

    @Override
    public boolean sessionLockFree(Connection connection, long key) throws SQLException {
        // A transaction-level try conflicts with the holder's session-level lock, and ends with the
        // transaction: it tells whether the holder's session is gone without keeping anything.
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    @Override
    public String lockForCheck() {
        return " FOR SHARE";
    }

    @Override
    public boolean isMissingTable(SQLException e) {
        return "42P01".equals(e.getSQLState());
    }
}
