package io.stent.store;

import io.stent.engine.store.ClaimedTask;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Maps a claim's result row: id, execution id, function, version, attempt, arguments, database time,
 * deadline, execution status, parent execution, task version (1 on the first claim ever), requeues,
 * the execution's trace parent.
 */
final class ClaimRows {

    private ClaimRows() {
    }

    static ClaimedTask map(ResultSet rows) throws SQLException {
        return new ClaimedTask(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                rows.getInt(5), rows.getString(6), instant(rows, 7), instant(rows, 8),
                "CANCELLING".equals(rows.getString(9)), rows.getString(10), rows.getInt(11) == 1, rows.getInt(12),
                rows.getString(13));
    }

    /**
     * A timestamp column as an instant (in UTC). Read through {@code getTimestamp}: application
     * servers' JDBC wrappers implement {@code getObject(int, Class)} by reflection on every call,
     * which cost a few percent of a busy worker's time.
     */
    private static OffsetDateTime instant(ResultSet rows, int column) throws SQLException {
        java.sql.Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
