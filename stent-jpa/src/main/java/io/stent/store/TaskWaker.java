package io.stent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a suspended execution's parked task due now (never a delayed start's or a retry
 * backoff's: callers only wake SUSPENDED executions). Called with the execution row locked; a task that a
 * worker is claiming at this moment is skipped (its lock is held), because that worker replays
 * the workflow anyway. Skipping also avoids a deadlock with the claim, which locks the task
 * before the execution.
 */
final class TaskWaker {

    private TaskWaker() {
    }

    static void wake(Connection connection, String executionId, Dialect dialect) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM stent_task WHERE execution_id = ?"
                + " AND status = 'READY' AND run_at > CURRENT_TIMESTAMP FOR UPDATE SKIP LOCKED")) {
            select.setString(1, executionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        for (String id : ids) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE stent_task SET run_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                update.setString(1, id);
                update.executeUpdate();
            }
        }
        if (!ids.isEmpty()) {
            dialect.notifyWork(connection);
        }
    }

    /** Deletes the execution's ready task unless a worker is claiming it; returns whether it did. */
    static boolean deleteReady(Connection connection, String executionId) throws SQLException {
        String id = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM stent_task WHERE execution_id = ?"
                + " AND status = 'READY' FOR UPDATE SKIP LOCKED")) {
            select.setString(1, executionId);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    id = rows.getString(1);
                }
            }
        }
        if (id == null) {
            return false;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM stent_task WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        }
    }
}
