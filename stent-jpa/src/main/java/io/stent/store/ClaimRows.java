package io.stent.store;

import io.stent.engine.store.ClaimedTask;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * Maps a claim's result row: id, execution id, function, version, attempt, arguments, database time,
 * deadline, execution status, parent execution, task version (1 on the first claim ever).
 */
final class ClaimRows {

    private ClaimRows() {
    }

    static ClaimedTask map(ResultSet rows) throws SQLException {
        return new ClaimedTask(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4),
                rows.getInt(5), rows.getString(6), rows.getObject(7, OffsetDateTime.class),
                rows.getObject(8, OffsetDateTime.class), "CANCELLING".equals(rows.getString(9)), rows.getString(10),
                rows.getInt(11) == 1);
    }
}
