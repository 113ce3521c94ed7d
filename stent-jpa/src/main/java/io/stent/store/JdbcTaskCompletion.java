package io.stent.store;

import io.stent.ExecutionStatus;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskCompletion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Finishes root tasks. The task row is the fence: only the worker that still holds the lease can
 * delete or reschedule it, and the execution is only updated in the same transaction.
 */
final class JdbcTaskCompletion implements TaskCompletion {

    private static final String TAKE_TASK = "DELETE FROM stent_task WHERE id = ? AND lease_owner = ?"
            + " AND status = 'RUNNING'";
    /**
     * What every write that ends an attempt records of it (parameters: attempt, claimed at): a
     * claim does not write the execution row, so its attempt count and first start are written
     * here.
     */
    private static final String ATTEMPT = " attempts = ?, started_at = COALESCE(started_at, ?),";

    private static final String FINISH_EXECUTION = "UPDATE stent_execution SET status = CASE WHEN status ="
            + " 'CANCELLING' THEN 'CANCELLED' ELSE ? END, result = ?, error = ?," + ATTEMPT
            + " finished_at = CURRENT_TIMESTAMP, updated_at = CURRENT_TIMESTAMP WHERE id = ?";

    private static final String COMPLETE_UNLESS_CANCELLING = endWithResult("COMPLETED", "status <> 'CANCELLING'");
    private static final String CANCEL_IF_CANCELLING = endWithResult("CANCELLED", "status = 'CANCELLING'");

    private final Jdbc jdbc;

    /**
     * Ends an execution (parameters: result, attempt, claimed at, id) in {@code status}, if
     * {@code condition} holds.
     */
    private static String endWithResult(String status, String condition) {
        return "UPDATE stent_execution SET status = '" + status + "', result = ?, error = NULL," + ATTEMPT
                + " finished_at = CURRENT_TIMESTAMP, updated_at = CURRENT_TIMESTAMP WHERE id = ? AND " + condition;
    }

    private static void bindAttempt(PreparedStatement statement, int index, ClaimedTask task) throws SQLException {
        statement.setInt(index, task.attempt());
        statement.setObject(index + 1, task.claimedAt());
    }

    JdbcTaskCompletion(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean finish(ClaimedTask task, String owner, ExecutionStatus status, String result, String error) {
        return jdbc.inTransaction(connection -> {
            if (!endExecution(connection, task, owner, status, result, error)) {
                return false;
            }
            wakeParent(connection, task);
            return true;
        });
    }

    /** Takes the task if the owner still holds it, and ends its execution; false if the lease was lost. */
    private static boolean endExecution(Connection connection, ClaimedTask task, String owner, ExecutionStatus status,
                                        String result, String error) throws SQLException {
        if (!fenced(connection, TAKE_TASK, task, owner)) {
            return false;
        }
        try (PreparedStatement statement = connection.prepareStatement(FINISH_EXECUTION)) {
            statement.setString(1, status.name());
            statement.setString(2, result);
            statement.setString(3, error);
            bindAttempt(statement, 4, task);
            statement.setString(6, task.executionId());
            statement.executeUpdate();
        }
        return true;
    }

    /**
     * Tells waiters the execution finished, and a finished child wakes its waiting parent, in the
     * transaction that finishes it.
     */
    private void wakeParent(Connection connection, ClaimedTask task) throws SQLException {
        jdbc.dialect().notifyFinished(connection, task.executionId());
        wakeParentOnly(connection, task);
    }

    private void wakeParentOnly(Connection connection, ClaimedTask task) throws SQLException {
        if (task.parentId() == null) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT status FROM stent_execution WHERE id = ? FOR UPDATE")) {
            lock.setString(1, task.parentId());
            try (java.sql.ResultSet rows = lock.executeQuery()) {
                if (rows.next() && "SUSPENDED".equals(rows.getString(1))) {
                    TaskWaker.wake(connection, task.parentId(), jdbc.dialect());
                }
            }
        }
    }

    @Override
    public java.util.Map<String, ExecutionStatus> completeAll(java.util.List<Completion> completions, String owner) {
        java.util.Map<String, ExecutionStatus> quick = jdbc.dialect().completeAlone(jdbc, completions, owner);
        if (quick != null) {
            return quick;
        }
        return jdbc.inTransaction(connection -> {
            java.util.List<Completion> held = new java.util.ArrayList<>();
            try (PreparedStatement delete = connection.prepareStatement(TAKE_TASK)) {
                for (Completion completion : completions) {
                    delete.setString(1, completion.task().id());
                    delete.setString(2, owner);
                    delete.addBatch();
                }
                int[] counts = delete.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                        held.add(completions.get(i));
                    }
                }
            }
            if (held.isEmpty()) {
                return java.util.Map.of();
            }
            java.util.Map<String, ExecutionStatus> ended = new java.util.HashMap<>();
            java.util.List<Completion> cancelled = endAll(connection, held, COMPLETE_UNLESS_CANCELLING, ended,
                    ExecutionStatus.COMPLETED);
            if (!cancelled.isEmpty()) {
                endAll(connection, cancelled, CANCEL_IF_CANCELLING, ended, ExecutionStatus.CANCELLED);
            }
            java.util.List<String> finished = held.stream().map(c -> c.task().executionId()).toList();
            jdbc.dialect().notifyFinished(connection, finished);
            for (Completion completion : held) {
                wakeParentOnly(connection, completion.task());
            }
            return ended;
        });
    }

    /**
     * Ends the executions with one batched update; records the status of those it updated and
     * returns those it did not (their status did not match).
     */
    private static java.util.List<Completion> endAll(Connection connection, java.util.List<Completion> held,
                                                     String sql, java.util.Map<String, ExecutionStatus> ended,
                                                     ExecutionStatus status) throws SQLException {
        java.util.List<Completion> missed = new java.util.ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (Completion completion : held) {
                update.setString(1, completion.result());
                bindAttempt(update, 2, completion.task());
                update.setString(4, completion.task().executionId());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    missed.add(held.get(i));
                } else {
                    ended.put(held.get(i).task().id(), status);
                }
            }
        }
        return missed;
    }

    @Override
    public boolean failForGood(ClaimedTask task, String owner, String errorClass, String errorMessage, String error) {
        return jdbc.inTransaction(connection -> {
            String queue = null;
            try (PreparedStatement statement = connection.prepareStatement("SELECT queue FROM stent_task"
                    + " WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'")) {
                statement.setString(1, task.id());
                statement.setString(2, owner);
                try (java.sql.ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        queue = rows.getString(1);
                    }
                }
            }
            if (queue == null || !endExecution(connection, task, owner, ExecutionStatus.FAILED, null, error)) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO stent_dead_letter (id,"
                    + " execution_id, function_name, queue, error_class, error_message, error, attempts, failed_at,"
                    + " replay_count) SELECT ?, id, function_name, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, 0"
                    + " FROM stent_execution WHERE id = ? AND status = 'FAILED'")) {
                statement.setString(1, io.stent.engine.store.TimeOrderedIds.next());
                statement.setString(2, queue);
                statement.setString(3, errorClass.length() > 500 ? errorClass.substring(0, 500) : errorClass);
                statement.setString(4, errorMessage);
                statement.setString(5, error);
                statement.setInt(6, task.attempt());
                statement.setString(7, task.executionId());
                statement.executeUpdate();
            }
            wakeParent(connection, task);
            return true;
        });
    }

    @Override
    public boolean retryLater(ClaimedTask task, String owner, Duration delay, String error) {
        return jdbc.inTransaction(connection -> {
            if (!readyAgainAfter(connection, task, owner, delay, "")) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE stent_execution SET error = ?," + ATTEMPT
                            + " updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                statement.setString(1, error);
                bindAttempt(statement, 2, task);
                statement.setString(4, task.executionId());
                statement.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean defer(ClaimedTask task, String owner, Duration delay, String error) {
        return jdbc.inTransaction(connection -> {
            if (!readyAgainAfter(connection, task, owner, delay, ", attempt = attempt - 1")) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE stent_execution SET error = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                statement.setString(1, error);
                statement.setString(2, task.executionId());
                statement.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Makes a task the owner still holds ready again after {@code delay} (database clock), with
     * {@code alsoSet} changed too; false when the lease was lost.
     */
    private boolean readyAgainAfter(java.sql.Connection connection, ClaimedTask task, String owner, Duration delay,
                                    String alsoSet) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_task SET status = 'READY',"
                + " lease_owner = NULL, lease_expires_at = NULL, run_at = " + jdbc.dialect().nowPlusMillis()
                + alsoSet + ", requeues = 0, version = version + 1"
                + " WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'")) {
            jdbc.dialect().bindMillis(statement, 1, delay.toMillis());
            statement.setString(2, task.id());
            statement.setString(3, owner);
            return statement.executeUpdate() == 1;
        }
    }

    @Override
    public boolean suspend(ClaimedTask task, String owner, OffsetDateTime wakeAt, String awaitedSignal,
                           java.util.Collection<String> awaitedChildren) {
        return jdbc.inTransaction(connection -> {
            // Lock order shared with signal delivery and cancel: the execution row first.
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT id FROM stent_execution WHERE id = ? FOR UPDATE")) {
                lock.setString(1, task.executionId());
                lock.executeQuery().close();
            }
            try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_task SET status = 'READY',"
                    + " lease_owner = NULL, lease_expires_at = NULL, attempt = attempt - 1, requeues = 0,"
                    + " version = version + 1,"
                    + " run_at = CASE WHEN EXISTS (SELECT 1 FROM stent_signal s WHERE s.execution_id = ?"
                    + " AND s.name = ? AND s.consumed_by IS NULL) OR EXISTS (SELECT 1 FROM stent_execution e"
                    + " WHERE e.id = ? AND e.status = 'CANCELLING')" + finishedChild(awaitedChildren)
                    + " THEN CURRENT_TIMESTAMP ELSE ? END"
                    + " WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'")) {
                int index = 1;
                statement.setString(index++, task.executionId());
                statement.setString(index++, awaitedSignal);
                statement.setString(index++, task.executionId());
                index = SqlLists.bind(statement, index, awaitedChildren);
                statement.setObject(index++, wakeAt);
                statement.setString(index++, task.id());
                statement.setString(index, owner);
                if (statement.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_execution SET status ="
                    + " CASE WHEN status = 'CANCELLING' THEN 'CANCELLING' ELSE 'SUSPENDED' END," + ATTEMPT
                    + " updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                bindAttempt(statement, 1, task);
                statement.setString(3, task.executionId());
                statement.executeUpdate();
            }
            return true;
        });
    }

    private static String finishedChild(java.util.Collection<String> children) {
        return children.isEmpty() ? "" : " OR EXISTS (SELECT 1 FROM stent_execution c WHERE c.id IN ("
                + SqlLists.placeholders(children.size()) + ") AND c.status IN ('COMPLETED', 'FAILED', 'CANCELLED',"
                + " 'EXPIRED'))";
    }

    private static boolean fenced(Connection connection, String sql, ClaimedTask task, String owner)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, task.id());
            statement.setString(2, owner);
            return statement.executeUpdate() == 1;
        }
    }
}
