package io.stent.store;

import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskCompletion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Finishes root tasks. The task row is the fence: only the worker that still holds the lease can
 * delete or reschedule it, and the execution is only updated in the same transaction.
 */
final class JdbcTaskCompletion implements TaskCompletion {

    private static final String TAKE_TASK = "DELETE FROM stent_task WHERE id = ? AND lease_owner = ?"
            + " AND status = 'RUNNING'";
    private static final String FINISH_EXECUTION = "UPDATE stent_execution SET status = ?, result = ?, error = ?,"
            + " finished_at = CURRENT_TIMESTAMP, updated_at = CURRENT_TIMESTAMP WHERE id = ?";

    private final Jdbc jdbc;

    JdbcTaskCompletion(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean complete(ClaimedTask task, String owner, String result) {
        return finish(task, owner, "COMPLETED", result, null);
    }

    @Override
    public boolean fail(ClaimedTask task, String owner, String error) {
        return finish(task, owner, "FAILED", null, error);
    }

    private boolean finish(ClaimedTask task, String owner, String status, String result, String error) {
        return jdbc.inTransaction(connection -> {
            if (!fenced(connection, TAKE_TASK, task, owner)) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(FINISH_EXECUTION)) {
                statement.setString(1, status);
                statement.setString(2, result);
                statement.setString(3, error);
                statement.setString(4, task.executionId());
                statement.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean retryLater(ClaimedTask task, String owner, Duration delay, String error) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_task SET status = 'READY',"
                    + " lease_owner = NULL, lease_expires_at = NULL, run_at = " + jdbc.dialect().nowPlusMillis()
                    + ", version = version + 1 WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'")) {
                jdbc.dialect().bindMillis(statement, 1, delay.toMillis());
                statement.setString(2, task.id());
                statement.setString(3, owner);
                if (statement.executeUpdate() != 1) {
                    return false;
                }
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

    private static boolean fenced(Connection connection, String sql, ClaimedTask task, String owner)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, task.id());
            statement.setString(2, owner);
            return statement.executeUpdate() == 1;
        }
    }
}
