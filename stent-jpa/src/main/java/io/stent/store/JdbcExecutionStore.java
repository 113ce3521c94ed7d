package io.stent.store;

import io.stent.ExecutionStatus;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.NewExecution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates executions with their root task, and reads them.
 */
final class JdbcExecutionStore implements ExecutionStore {

    static final String SELECT = "SELECT id, function_name, function_version, status, args, result, error,"
            + " attempts, created_at, finished_at, parent_id FROM stent_execution";

    private final Jdbc jdbc;
    private final String insertExecution;
    private final String insertExecutionWithDeadline;
    private final String insertRootTask;

    JdbcExecutionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
        String insert = "INSERT INTO stent_execution (id, function_name, function_version, status, args,"
                + " idempotency_key, parent_id, parent_position, attempts, created_at, updated_at, deadline_at)"
                + " VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ";
        this.insertExecution = insert + "NULL)";
        this.insertExecutionWithDeadline = insert + jdbc.dialect().nowPlusMillis() + ")";
        this.insertRootTask = "INSERT INTO stent_task (id, execution_id, kind, function_name, function_version,"
                + " queue, priority, status, run_at, attempt, version, created_at) VALUES (?, ?, 'ROOT', ?, ?, ?, ?,"
                + " 'READY', "
                + jdbc.dialect().nowPlusMillis() + ", 0, 0, CURRENT_TIMESTAMP)";
    }

    @Override
    public String create(NewExecution execution) {
        try {
            if (jdbc.dialect().writableCte()) {
                return jdbc.autoCommit(connection -> insertInOneStatement(connection, execution));
            }
            return jdbc.inTransaction(connection -> insert(connection, execution));
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                if (execution.idempotencyKey() != null) {
                    return findIdByKey(execution.idempotencyKey()).orElseThrow(() -> e);
                }
                if (execution.parentId() != null && find(execution.id()).isPresent()) {
                    return execution.id();
                }
            }
            throw e;
        }
    }

    /**
     * The execution, its root task and the work notification in one statement (PostgreSQL): one
     * round trip and one commit. The task's foreign key is checked at the end of the statement,
     * when the execution row exists.
     */
    private String insertInOneStatement(Connection connection, NewExecution execution) throws SQLException {
        boolean hasDeadline = execution.deadline() != null;
        String sql = "WITH e AS (" + (hasDeadline ? insertExecutionWithDeadline : insertExecution) + " RETURNING id),"
                + " t AS (INSERT INTO stent_task (id, execution_id, kind, function_name, function_version, queue,"
                + " priority, status, run_at, attempt, version, created_at) SELECT ?, e.id, 'ROOT', ?, ?, ?, ?,"
                + " 'READY', " + jdbc.dialect().nowPlusMillis() + ", 0, 0, CURRENT_TIMESTAMP FROM e RETURNING id)"
                + (execution.delay().isZero() ? " SELECT pg_notify('" + PgNotificationListener.WORK + "', '') FROM t"
                : " SELECT id FROM t");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = bindExecution(statement, execution);
            statement.setString(index++, UUID.randomUUID().toString());
            bindTask(statement, index, execution);
            statement.execute();
        }
        return execution.id();
    }

    /** Binds the execution insert's parameters from 1 on; returns the next free index. */
    private int bindExecution(PreparedStatement statement, NewExecution execution) throws SQLException {
        int index = 1;
        statement.setString(index++, execution.id());
        statement.setString(index++, execution.functionName());
        statement.setInt(index++, execution.functionVersion());
        statement.setString(index++, execution.arguments());
        statement.setString(index++, execution.idempotencyKey());
        statement.setString(index++, execution.parentId());
        statement.setString(index++, execution.parentPosition());
        if (execution.deadline() != null) {
            jdbc.dialect().bindMillis(statement, index++, execution.deadline().toMillis());
        }
        return index;
    }

    /** Binds the root task's function, version, queue, priority and delay from {@code index} on. */
    private void bindTask(PreparedStatement statement, int index, NewExecution execution) throws SQLException {
        statement.setString(index++, execution.functionName());
        statement.setInt(index++, execution.functionVersion());
        statement.setString(index++, execution.queue());
        statement.setInt(index++, execution.priority());
        jdbc.dialect().bindMillis(statement, index, execution.delay().toMillis());
    }

    private String insert(Connection connection, NewExecution execution) throws SQLException {
        boolean hasDeadline = execution.deadline() != null;
        try (PreparedStatement statement = connection.prepareStatement(
                hasDeadline ? insertExecutionWithDeadline : insertExecution)) {
            bindExecution(statement, execution);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(insertRootTask)) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.setString(2, execution.id());
            bindTask(statement, 3, execution);
            statement.executeUpdate();
        }
        if (execution.delay().isZero()) {
            jdbc.dialect().notifyWork(connection);
        }
        return execution.id();
    }

    private Optional<String> findIdByKey(String key) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM stent_execution WHERE idempotency_key = ?")) {
                statement.setString(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<ExecutionRecord> find(String id) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE id = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(map(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public java.util.List<ExecutionRecord> findAll(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE id IN ("
                    + SqlLists.placeholders(ids.size()) + ")")) {
                SqlLists.bind(statement, 1, ids);
                java.util.List<ExecutionRecord> records = new java.util.ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        records.add(map(rows));
                    }
                }
                return records;
            }
        });
    }

    @Override
    public java.util.List<String> activeChildren(String parentId) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM stent_execution"
                    + " WHERE parent_id = ? AND status NOT IN ('COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED')")) {
                statement.setString(1, parentId);
                java.util.List<String> ids = new java.util.ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public CancelOutcome cancel(String id) {
        return jdbc.inTransaction(connection -> {
            ExecutionStatus status;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT status FROM stent_execution WHERE id = ? FOR UPDATE")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return CancelOutcome.NOT_FOUND;
                    }
                    status = ExecutionStatus.valueOf(rows.getString(1));
                }
            }
            if (status == ExecutionStatus.CANCELLED || status == ExecutionStatus.CANCELLING) {
                return CancelOutcome.ALREADY_CANCELLED;
            }
            if (status.isTerminal()) {
                return CancelOutcome.FINISHED;
            }
            if (status == ExecutionStatus.PENDING && TaskWaker.deleteReady(connection, id)) {
                setStatus(connection, id, "CANCELLED", true);
                jdbc.dialect().notifyFinished(connection, id);
                return CancelOutcome.CANCELLED;
            }
            setStatus(connection, id, "CANCELLING", false);
            if (status == ExecutionStatus.SUSPENDED) {
                TaskWaker.wake(connection, id, jdbc.dialect());
            }
            return CancelOutcome.CANCELLING;
        });
    }

    private static void setStatus(Connection connection, String id, String status, boolean finished)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_execution SET status = ?,"
                + " updated_at = CURRENT_TIMESTAMP" + (finished ? ", finished_at = CURRENT_TIMESTAMP" : "")
                + " WHERE id = ?")) {
            statement.setString(1, status);
            statement.setString(2, id);
            statement.executeUpdate();
        }
    }

    static ExecutionRecord map(ResultSet rows) throws SQLException {
        return new ExecutionRecord(rows.getString(1), rows.getString(2), rows.getInt(3),
                ExecutionStatus.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6),
                rows.getString(7), rows.getInt(8), rows.getObject(9, OffsetDateTime.class),
                rows.getObject(10, OffsetDateTime.class), rows.getString(11));
    }
}
