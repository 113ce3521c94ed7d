package io.stent.store;

import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.NewExecution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * PostgreSQL writes an execution and its root task in one statement (writable common table
 * expressions): one round trip, and in auto-commit one commit.
 */
final class PgExecutionWrites extends ExecutionWrites {

    PgExecutionWrites(Jdbc jdbc) {
        super(jdbc);
    }

    @Override
    void create(NewExecution execution) {
        if (!execution.tags().isEmpty()) {
            super.create(execution); // its tag rows too, in one transaction
            return;
        }
        String sql = "WITH e AS (" + insertExecution(execution, false) + " RETURNING id),"
                + " t AS (" + insertTaskFrom("e", false) + " RETURNING id)"
                + (execution.delay().isZero() ? " SELECT pg_notify('" + PgNotificationListener.WORK + "', '') FROM t"
                : " SELECT id FROM t");
        jdbc().autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = bindExecution(statement, execution);
                statement.setString(index++, UUID.randomUUID().toString());
                bindTask(statement, index, execution);
                statement.execute();
            }
            return null;
        });
    }

    @Override
    boolean insertIfAbsent(Connection connection, NewExecution execution) throws SQLException {
        // PostgreSQL aborts a transaction at its first error, so a taken key must not be one.
        String sql = "WITH e AS (" + insertExecution(execution, false) + " ON CONFLICT DO NOTHING RETURNING id),"
                + " t AS (" + insertTaskFrom("e", false) + " RETURNING id) SELECT COUNT(*) FROM t";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = bindExecution(statement, execution);
            statement.setString(index++, UUID.randomUUID().toString());
            bindTask(statement, index, execution);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getInt(1) == 0) {
                    return false;
                }
            }
        }
        insertTags(connection, execution);
        if (execution.delay().isZero()) {
            jdbc().dialect().notifyWork(connection); // delivered when the caller's transaction commits
        }
        return true;
    }

    @Override
    Written createClaimed(NewExecution execution, String taskId, String owner, Duration lease) {
        if (!execution.tags().isEmpty()) {
            return super.createClaimed(execution, taskId, owner, lease); // its tag rows too, in one transaction
        }
        String sql = "WITH e AS (" + insertExecution(execution, true) + " RETURNING id, deadline_at),"
                + " t AS (" + insertTaskFrom("e", true) + " RETURNING id)"
                + " SELECT CURRENT_TIMESTAMP, e.deadline_at FROM e, t";
        return jdbc().autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = bindExecution(statement, execution);
                statement.setString(index++, taskId);
                bindClaimedTask(statement, index, execution, owner, lease);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return written(rows);
                }
            }
        });
    }

    @Override
    Optional<ExecutionRecord> watch(String id) {
        return jdbc().autoCommit(connection -> JdbcExecutionStore.oneById(connection,
                "UPDATE stent_execution SET awaited = TRUE WHERE id = ? RETURNING " + JdbcExecutionStore.COLUMNS, id));
    }
}
