package io.stent.store;

import io.stent.ExecutionStatus;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.NewExecution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Creates executions with their root task, and reads them.
 */
final class JdbcExecutionStore implements ExecutionStore {

    /**
     * An execution's status: what its row says, except that a leased task makes a pending or
     * suspended execution RUNNING. Claims do not write the execution row (one row write per claimed
     * task instead of two), so a running execution is known by its task.
     */
    static final String STATUS = "CASE WHEN status IN ('PENDING', 'SUSPENDED') AND EXISTS (SELECT 1 FROM stent_task rt"
            + " WHERE rt.execution_id = stent_execution.id AND rt.status = 'RUNNING') THEN 'RUNNING' ELSE status END";
    /** Attempts: the row's count, or the running attempt's number while one runs. */
    private static final String ATTEMPTS = "COALESCE((SELECT MAX(rt.attempt) FROM stent_task rt WHERE rt.execution_id ="
            + " stent_execution.id AND rt.status = 'RUNNING'), attempts)";
    static final String COLUMNS = "id, function_name, function_version, " + STATUS + ", args, result, error, "
            + ATTEMPTS + ", created_at, finished_at, parent_id";
    static final String SELECT = "SELECT " + COLUMNS + " FROM stent_execution";

    /** The most executions one statement of a batch start inserts (a larger batch takes several). */
    private static final int BATCH_STATEMENT_ROWS = 500;

    private final Jdbc jdbc;
    private final ExecutionWrites writes;

    JdbcExecutionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.writes = jdbc.dialect().executionWrites(jdbc);
    }

    @Override
    public String create(NewExecution execution) {
        try {
            writes.create(execution);
            return execution.id();
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && jdbc.isUniqueViolation(sql)) {
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

    @Override
    public String createInCurrentTransaction(NewExecution execution) {
        return jdbc.joined(connection -> {
            if (execution.idempotencyKey() != null) {
                Optional<String> earlier = idByKey(connection, execution.idempotencyKey());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (writes.insertIfAbsent(connection, execution)) {
                return execution.id();
            }
            // Another transaction took the key meanwhile (and committed: the insert waited for it).
            return idByKey(connection, execution.idempotencyKey()).orElseThrow(() -> new StoreException(
                    StoreMessages.START_IN_TRANSACTION_FAILED.format(execution.id()),
                    null));
        });
    }

    @Override
    public java.util.List<String> createAll(java.util.List<NewExecution> executions) {
        return jdbc.inTransaction(connection -> insertAll(connection, executions));
    }

    @Override
    public java.util.List<String> createAllInCurrentTransaction(java.util.List<NewExecution> executions) {
        return jdbc.joined(connection -> insertAll(connection, executions));
    }

    private java.util.List<String> insertAll(Connection connection, java.util.List<NewExecution> executions)
            throws SQLException {
        for (NewExecution execution : executions) {
            if (execution.parentId() != null) {
                throw new IllegalArgumentException("a batch start writes top-level executions; " + execution.id()
                        + " has the parent " + execution.parentId());
            }
        }
        java.util.Set<String> inserted = new java.util.HashSet<>();
        for (int from = 0; from < executions.size(); from += BATCH_STATEMENT_ROWS) {
            inserted.addAll(writes.insertAllIfAbsent(connection,
                    executions.subList(from, Math.min(executions.size(), from + BATCH_STATEMENT_ROWS))));
        }
        java.util.List<String> ids = new java.util.ArrayList<>(executions.size());
        for (NewExecution execution : executions) {
            if (inserted.contains(execution.id())) {
                ids.add(execution.id());
                continue;
            }
            // Its key was taken: by an earlier execution, or by one before it in this batch.
            String key = execution.idempotencyKey();
            ids.add((key == null ? Optional.<String>empty() : idByKey(connection, key)).orElseThrow(
                    () -> new StoreException(StoreMessages.START_NOT_WRITTEN.format(execution.id()), null)));
        }
        return ids;
    }

    private static Optional<String> idByKey(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM stent_execution WHERE idempotency_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<ClaimedTask> createClaimed(NewExecution execution, String owner, Duration lease) {
        String taskId = io.stent.engine.store.TimeOrderedIds.next();
        try {
            ExecutionWrites.Written written = writes.createClaimed(execution, taskId, owner, lease);
            return Optional.of(new ClaimedTask(taskId, execution.id(), execution.functionName(),
                    execution.functionVersion(), 1, execution.arguments(), written.now(), written.deadline(), false,
                    execution.parentId(), true, 0, execution.traceParent()));
        } catch (StoreException e) {
            if (execution.idempotencyKey() != null && e.getCause() instanceof SQLException sql
                    && jdbc.isUniqueViolation(sql)) {
                return Optional.empty();
            }
            throw e;
        }
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
        return jdbc.autoCommit(connection -> oneById(connection, SELECT + " WHERE id = ?", id));
    }

    @Override
    public Optional<ExecutionRecord> watch(String id) {
        return writes.watch(id);
    }

    /** Runs a statement that takes the execution id and returns at most one execution row. */
    static Optional<ExecutionRecord> oneById(Connection connection, String sql, String id)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
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
