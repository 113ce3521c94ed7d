package io.stent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs a PostgreSQL statement that takes its rows as one array per column (read back with
 * {@code unnest}): one statement for a whole batch, whatever its size.
 */
final class PgColumns {

    /** Reads a key from a returned row. */
    @FunctionalInterface
    interface RowKey {
        String of(ResultSet row) throws SQLException;
    }

    private PgColumns() {
    }

    /**
     * Binds {@code columns[c]} as an array of {@code types[c]} to parameter {@code c + 1}, runs the
     * statement and collects a key from each row it returns.
     */
    static Set<String> run(Connection connection, String sql, String[] types, Object[][] columns, RowKey key)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            Set<String> keys = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(key.of(rows));
                }
            }
            return keys;
        }
    }
}
