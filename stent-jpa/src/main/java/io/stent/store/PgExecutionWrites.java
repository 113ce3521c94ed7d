package io.stent.store;

import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.NewExecution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * PostgreSQL writes an execution and its root task in one statement (writable common table
 * expressions): one round trip, and in auto-commit one commit. It does not notify: the engine
 * announces new work after the commit.
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
        // No NOTIFY here: a notifying commit takes a database-wide lock, so the engine announces
        // many starts with one notification after their commits (PgWorkAnnouncer).
        String sql = "WITH e AS (" + insertExecution(execution, false) + " RETURNING id),"
                + " t AS (" + insertTaskFrom("e", false) + " RETURNING id) SELECT id FROM t";
        jdbc().autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = bindExecution(statement, execution);
                statement.setString(index++, io.stent.engine.store.TimeOrderedIds.next());
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
            statement.setString(index++, io.stent.engine.store.TimeOrderedIds.next());
            bindTask(statement, index, execution);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getInt(1) == 0) {
                    return false;
                }
            }
        }
        insertTags(connection, execution);
        return true; // announced by the engine once the caller's transaction commits
    }

    /**
     * One statement for the whole batch: the rows come as arrays, one per column, and a taken key
     * (or one taken earlier in the batch) skips its row without an error.
     */
    @Override
    java.util.Set<String> insertAllIfAbsent(Connection connection, java.util.List<NewExecution> executions)
            throws SQLException {
        if (executions.stream().anyMatch(e -> !e.tags().isEmpty())) {
            return super.insertAllIfAbsent(connection, executions); // their tag rows too
        }
        int size = executions.size();
        Object[][] columns = new Object[11][size];
        for (int i = 0; i < size; i++) {
            NewExecution e = executions.get(i);
            columns[0][i] = e.id();
            columns[1][i] = e.functionName();
            columns[2][i] = e.functionVersion();
            columns[3][i] = e.arguments();
            columns[4][i] = e.idempotencyKey();
            columns[5][i] = e.queue();
            columns[6][i] = e.traceParent();
            columns[7][i] = e.deadline() == null ? null : e.deadline().toMillis() / 1000.0;
            columns[8][i] = io.stent.engine.store.TimeOrderedIds.next();
            columns[9][i] = e.priority();
            columns[10][i] = e.delay().toMillis() / 1000.0;
        }
        String[] types = {"varchar", "varchar", "integer", "text", "varchar", "varchar", "varchar", "float8", "varchar",
                "integer", "float8"};
        return PgColumns.run(connection, INSERT_ALL, types, columns, row -> row.getString(1));
    }

    private static final String INSERT_ALL = "WITH i AS (SELECT * FROM unnest(?::varchar[], ?::varchar[],"
            + " ?::integer[], ?::text[], ?::varchar[], ?::varchar[], ?::varchar[], ?::float8[], ?::varchar[],"
            + " ?::integer[], ?::float8[]) WITH ORDINALITY AS i(id, function_name, function_version, args,"
            + " idempotency_key, queue, trace_parent, deadline_seconds, task_id, priority, delay_seconds, n)),"
            + " e AS (INSERT INTO stent_execution (id, function_name, function_version, status, args, idempotency_key,"
            + " queue, trace_parent, attempts, created_at, updated_at, deadline_at)"
            + " SELECT id, function_name, function_version, 'PENDING', args, idempotency_key, queue, trace_parent, 0,"
            + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + make_interval(secs => deadline_seconds)"
            + " FROM i ORDER BY n ON CONFLICT DO NOTHING RETURNING id),"
            + " t AS (INSERT INTO stent_task (id, execution_id, kind, function_name, function_version, queue, priority,"
            + " status, run_at, attempt, version, created_at)"
            + " SELECT i.task_id, i.id, 'ROOT', i.function_name, i.function_version, i.queue, i.priority, 'READY',"
            + " CURRENT_TIMESTAMP + make_interval(secs => i.delay_seconds), 0, 0, CURRENT_TIMESTAMP"
            + " FROM i JOIN e ON e.id = i.id)"
            + " SELECT id FROM e";

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
