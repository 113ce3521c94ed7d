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
import java.util.UUID;

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
    private static final String COLUMNS = "id, function_name, function_version, " + STATUS + ", args, result, error, "
            + ATTEMPTS + ", created_at, finished_at, parent_id";
    static final String SELECT = "SELECT " + COLUMNS + " FROM stent_execution";

    private final Jdbc jdbc;

    JdbcExecutionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The execution insert: PENDING for the queue, or RUNNING with its first attempt for an
     * execution its starter claims at once.
     */
    private String insertExecution(NewExecution execution, boolean claimed) {
        return "INSERT INTO stent_execution (id, function_name, function_version, status, args,"
                + " idempotency_key, parent_id, parent_position, attempts, created_at, updated_at, started_at,"
                + " deadline_at) VALUES (?, ?, ?, " + (claimed ? "'RUNNING'" : "'PENDING'") + ", ?, ?, ?, ?, "
                + (claimed ? "1" : "0") + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, "
                + (claimed ? "CURRENT_TIMESTAMP" : "NULL") + ", "
                + (execution.deadline() != null ? jdbc.dialect().nowPlusMillis() : "NULL") + ")";
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

    private static final String TASK_COLUMNS = "INSERT INTO stent_task (id, execution_id, kind, function_name,"
            + " function_version, queue, priority, status, run_at, attempt, version, lease_owner, lease_expires_at,"
            + " created_at)";

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

    @Override
    public String createInCurrentTransaction(NewExecution execution) {
        return jdbc.joined(connection -> {
            if (execution.idempotencyKey() != null) {
                Optional<String> earlier = idByKey(connection, execution.idempotencyKey());
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            if (insertIfAbsent(connection, execution)) {
                return execution.id();
            }
            // Another transaction took the key meanwhile (and committed: the insert waited for it).
            return idByKey(connection, execution.idempotencyKey()).orElseThrow(() -> new StoreException(
                    "STENT-3009 execution " + execution.id() + " could not be created in the caller's transaction",
                    null));
        });
    }

    /**
     * Inserts the execution and its task unless its key or id is taken, without an error that would
     * doom the caller's transaction (PostgreSQL aborts a transaction at its first error).
     */
    private boolean insertIfAbsent(Connection connection, NewExecution execution) throws SQLException {
        if (jdbc.dialect().writableCte()) {
            String sql = "WITH e AS (" + insertExecution(execution, false) + jdbc.dialect().onConflictDoNothing()
                    + " RETURNING id), t AS (" + TASK_COLUMNS + " SELECT ?, e.id, " + rootTaskValues(false)
                    + " FROM e RETURNING id) SELECT COUNT(*) FROM t";
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
            if (execution.delay().isZero()) {
                jdbc.dialect().notifyWork(connection); // delivered when the caller's transaction commits
            }
            return true;
        }
        try {
            insert(connection, execution);
            return true;
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e) && execution.idempotencyKey() != null) {
                return false;
            }
            throw e;
        }
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
        String taskId = UUID.randomUUID().toString();
        try {
            Object[] clock = jdbc.dialect().writableCte()
                    ? jdbc.autoCommit(connection -> insertClaimedInOneStatement(connection, execution, taskId, owner,
                    lease))
                    : jdbc.inTransaction(connection -> insertClaimed(connection, execution, taskId, owner, lease));
            return Optional.of(new ClaimedTask(taskId, execution.id(), execution.functionName(),
                    execution.functionVersion(), 1, execution.arguments(), (OffsetDateTime) clock[0],
                    (OffsetDateTime) clock[1], false, execution.parentId(), true));
        } catch (StoreException e) {
            if (execution.idempotencyKey() != null && e.getCause() instanceof SQLException sql
                    && Jdbc.isUniqueViolation(sql)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** PostgreSQL: execution and claimed task in one statement; returns the database clock and the deadline. */
    private Object[] insertClaimedInOneStatement(Connection connection, NewExecution execution, String taskId,
                                                 String owner, Duration lease) throws SQLException {
        String sql = "WITH e AS (" + insertExecution(execution, true) + " RETURNING id, deadline_at),"
                + " t AS (" + TASK_COLUMNS + " SELECT ?, e.id, " + rootTaskValues(true) + " FROM e RETURNING id)"
                + " SELECT CURRENT_TIMESTAMP, e.deadline_at FROM e, t";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = bindExecution(statement, execution);
            statement.setString(index++, taskId);
            bindClaimedTask(statement, index, execution, owner, lease);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Object[] {rows.getObject(1, OffsetDateTime.class), rows.getObject(2, OffsetDateTime.class)};
            }
        }
    }

    private Object[] insertClaimed(Connection connection, NewExecution execution, String taskId, String owner,
                                   Duration lease) throws SQLException {
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
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CURRENT_TIMESTAMP, deadline_at FROM stent_execution WHERE id = ?")) {
            statement.setString(1, execution.id());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Object[] {rows.getObject(1, OffsetDateTime.class), rows.getObject(2, OffsetDateTime.class)};
            }
        }
    }

    /** Binds a claimed root task's function, version, queue, priority, owner and lease from {@code index} on. */
    private void bindClaimedTask(PreparedStatement statement, int index, NewExecution execution, String owner,
                                 Duration lease) throws SQLException {
        statement.setString(index++, execution.functionName());
        statement.setInt(index++, execution.functionVersion());
        statement.setString(index++, execution.queue());
        statement.setInt(index++, execution.priority());
        statement.setString(index++, owner);
        jdbc.dialect().bindMillis(statement, index, lease.toMillis());
    }

    /**
     * The execution, its root task and the work notification in one statement (PostgreSQL): one
     * round trip and one commit.
     */
    private String insertInOneStatement(Connection connection, NewExecution execution) throws SQLException {
        String sql = "WITH e AS (" + insertExecution(execution, false) + " RETURNING id),"
                + " t AS (" + TASK_COLUMNS + " SELECT ?, e.id, " + rootTaskValues(false) + " FROM e RETURNING id)"
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
        try (PreparedStatement statement = connection.prepareStatement(insertExecution(execution, false))) {
            bindExecution(statement, execution);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(TASK_COLUMNS + " VALUES (?, ?, "
                + rootTaskValues(false) + ")")) {
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
        return jdbc.autoCommit(connection -> oneById(connection, SELECT + " WHERE id = ?", id));
    }

    @Override
    public Optional<ExecutionRecord> watch(String id) {
        if (jdbc.dialect().writableCte()) {
            return jdbc.autoCommit(connection -> oneById(connection,
                    "UPDATE stent_execution SET awaited = TRUE WHERE id = ? RETURNING " + COLUMNS, id));
        }
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE stent_execution SET awaited = TRUE WHERE id = ?")) {
                statement.setString(1, id);
                statement.executeUpdate();
            }
            return oneById(connection, SELECT + " WHERE id = ?", id);
        });
    }

    /** Runs a statement that takes the execution id and returns at most one execution row. */
    private static Optional<ExecutionRecord> oneById(Connection connection, String sql, String id)
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
