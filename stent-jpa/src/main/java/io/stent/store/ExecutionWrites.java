package io.stent.store;

import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.NewExecution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Writes a new execution with its root task, in statements every database understands: one insert
 * per table in one transaction. A dialect whose database does it in fewer round trips overrides
 * these methods (see {@link PgExecutionWrites}).
 */
class ExecutionWrites {

    private static final String TASK_COLUMNS = "INSERT INTO stent_task (id, execution_id, kind, function_name,"
            + " function_version, queue, priority, status, run_at, attempt, version, lease_owner, lease_expires_at,"
            + " created_at)";

    /** The database clock when a claimed execution was written, and its deadline. */
    record Written(OffsetDateTime now, OffsetDateTime deadline) {
    }

    private final Jdbc jdbc;

    ExecutionWrites(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    Jdbc jdbc() {
        return jdbc;
    }

    /**
     * Writes a pending execution and its ready root task.
     *
     * @param execution the execution
     * @throws StoreException on a database failure, a taken key or id included
     */
    void create(NewExecution execution) {
        jdbc.inTransaction(connection -> {
            insert(connection, execution);
            return null;
        });
    }

    /**
     * Inserts the execution and its task in the caller's transaction unless its idempotency key is
     * taken, without an error that would doom that transaction.
     *
     * @param connection the caller's transaction's connection
     * @param execution the execution
     * @return false if the key was taken
     * @throws SQLException on any other database failure
     */
    boolean insertIfAbsent(Connection connection, NewExecution execution) throws SQLException {
        // Only reached after a look-up found the key free: a duplicate here lost a race, and on
        // databases other than PostgreSQL the failed statement does not abort the transaction.
        try {
            insert(connection, execution);
            return true;
        } catch (SQLException e) {
            if (jdbc.isUniqueViolation(e) && execution.idempotencyKey() != null) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Inserts top-level executions and their tasks in the caller's transaction, each unless its
     * idempotency key is taken (by an earlier execution, or by one before it in the list).
     *
     * @param connection the transaction's connection
     * @param executions the executions, none with a parent
     * @return the ids of the executions inserted
     * @throws SQLException on any other database failure
     */
    java.util.Set<String> insertAllIfAbsent(Connection connection, java.util.List<NewExecution> executions)
            throws SQLException {
        java.util.Set<String> inserted = new java.util.HashSet<>();
        for (NewExecution execution : executions) {
            if (insertIfAbsent(connection, execution)) {
                inserted.add(execution.id());
            }
        }
        return inserted;
    }

    /**
     * Writes an execution RUNNING with its root task leased to {@code owner}.
     *
     * @param execution the execution
     * @param taskId the root task's id
     * @param owner the worker
     * @param lease the lease length
     * @return the database clock and the deadline
     */
    Written createClaimed(NewExecution execution, String taskId, String owner, Duration lease) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(insertExecution(execution, true))) {
                bindExecution(statement, execution);
                statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(TASK_COLUMNS + " VALUES (?, ?, "
                    + rootTaskValues(true) + ")")) {
                statement.setString(1, taskId);
                statement.setString(2, execution.id());
                bindClaimedTask(statement, 3, execution, owner, lease);
                statement.executeUpdate();
            }
            insertTags(connection, execution);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT CURRENT_TIMESTAMP, deadline_at FROM stent_execution WHERE id = ?")) {
                statement.setString(1, execution.id());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return written(rows);
                }
            }
        });
    }

    /**
     * Marks an execution awaited (its end is announced) and reads it.
     *
     * @param id the execution
     * @return the execution, if it exists
     */
    Optional<ExecutionRecord> watch(String id) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE stent_execution SET awaited = TRUE WHERE id = ?")) {
                statement.setString(1, id);
                statement.executeUpdate();
            }
            return JdbcExecutionStore.oneById(connection, JdbcExecutionStore.SELECT + " WHERE id = ?", id);
        });
    }

    private void insert(Connection connection, NewExecution execution) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertExecution(execution, false))) {
            bindExecution(statement, execution);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(TASK_COLUMNS + " VALUES (?, ?, "
                + rootTaskValues(false) + ")")) {
            statement.setString(1, io.stent.engine.store.TimeOrderedIds.next());
            statement.setString(2, execution.id());
            bindTask(statement, 3, execution);
            statement.executeUpdate();
        }
        insertTags(connection, execution);
        // no notification: the engine announces new work after the commit
    }

    /** Writes one row per tag the execution's function requires, in the caller's transaction. */
    static void insertTags(Connection connection, NewExecution execution) throws SQLException {
        if (execution.tags().isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO stent_execution_tag (execution_id, tag) VALUES (?, ?)")) {
            for (String tag : execution.tags()) {
                statement.setString(1, execution.id());
                statement.setString(2, tag);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    static Written written(ResultSet rows) throws SQLException {
        return new Written(rows.getObject(1, OffsetDateTime.class), rows.getObject(2, OffsetDateTime.class));
    }

    /**
     * The execution insert: PENDING for the queue, or RUNNING with its first attempt for an
     * execution its starter claims at once. Parameters: see {@link #bindExecution}.
     */
    final String insertExecution(NewExecution execution, boolean claimed) {
        return "INSERT INTO stent_execution (id, function_name, function_version, status, args,"
                + " idempotency_key, parent_id, parent_position, queue, trace_parent, attempts, created_at,"
                + " updated_at, started_at, deadline_at) VALUES (?, ?, ?, " + (claimed ? "'RUNNING'" : "'PENDING'")
                + ", ?, ?, ?, ?, ?, ?, "
                + (claimed ? "1" : "0") + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
                + (claimed ? "CURRENT_TIMESTAMP" : "NULL") + ", "
                + (execution.deadline() != null ? jdbc.dialect().nowPlusMillis() : "NULL") + ")";
    }

    /**
     * The root task insert as a select from a row source whose column {@code source.id} is the
     * execution id; parameters: the task id, then see {@link #bindTask} or {@link #bindClaimedTask}.
     */
    final String insertTaskFrom(String source, boolean claimed) {
        return TASK_COLUMNS + " SELECT ?, " + source + ".id, " + rootTaskValues(claimed) + " FROM " + source;
    }

    /**
     * The root task's columns and values after its id and execution id: READY at its due time,
     * or RUNNING under the starter's lease (two more parameters: owner and lease).
     */
    private String rootTaskValues(boolean claimed) {
        String now = jdbc.dialect().nowPlusMillis();
        return claimed
                ? "'ROOT', ?, ?, ?, ?, 'RUNNING', CURRENT_TIMESTAMP, 1, 1, ?, " + now + ", CURRENT_TIMESTAMP"
                : "'ROOT', ?, ?, ?, ?, 'READY', " + now + ", 0, 0, NULL, NULL, CURRENT_TIMESTAMP";
    }

    /** Binds the execution insert's parameters from 1 on; returns the next free index. */
    final int bindExecution(PreparedStatement statement, NewExecution execution) throws SQLException {
        int index = 1;
        statement.setString(index++, execution.id());
        statement.setString(index++, execution.functionName());
        statement.setInt(index++, execution.functionVersion());
        statement.setString(index++, execution.arguments());
        statement.setString(index++, execution.idempotencyKey());
        statement.setString(index++, execution.parentId());
        statement.setString(index++, execution.parentPosition());
        statement.setString(index++, execution.queue());
        statement.setString(index++, execution.traceParent());
        if (execution.deadline() != null) {
            jdbc.dialect().bindMillis(statement, index++, execution.deadline().toMillis());
        }
        return index;
    }

    /** Binds the root task's function, version, queue, priority and delay from {@code index} on. */
    final void bindTask(PreparedStatement statement, int index, NewExecution execution) throws SQLException {
        statement.setString(index++, execution.functionName());
        statement.setInt(index++, execution.functionVersion());
        statement.setString(index++, execution.queue());
        statement.setInt(index++, execution.priority());
        jdbc.dialect().bindMillis(statement, index, execution.delay().toMillis());
    }

    /** Binds a claimed root task's function, version, queue, priority, owner and lease from {@code index} on. */
    final void bindClaimedTask(PreparedStatement statement, int index, NewExecution execution, String owner,
                               Duration lease) throws SQLException {
        statement.setString(index++, execution.functionName());
        statement.setInt(index++, execution.functionVersion());
        statement.setString(index++, execution.queue());
        statement.setInt(index++, execution.priority());
        statement.setString(index++, owner);
        jdbc.dialect().bindMillis(statement, index, lease.toMillis());
    }
}
