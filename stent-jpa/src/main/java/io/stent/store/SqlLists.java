package io.stent.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;

/**
 * Placeholders and bindings for {@code IN (...)} lists.
 */
final class SqlLists {

    private SqlLists() {
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** A row-value list matching {@code count} (function, version) pairs. */
    static String functionKeys(int count) {
        return "(function_name, function_version) IN (" + String.join(", ", Collections.nCopies(count, "(?, ?)"))
                + ")";
    }

    /** Binds (function, version) pairs from {@code index} on and returns the next free index. */
    static int bindKeys(PreparedStatement statement, int index, Collection<io.stent.engine.store.FunctionKey> keys)
            throws SQLException {
        for (io.stent.engine.store.FunctionKey key : keys) {
            statement.setString(index++, key.name());
            statement.setInt(index++, key.version());
        }
        return index;
    }

    /** Binds the values from {@code index} on and returns the next free index. */
    static int bind(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        for (String value : values) {
            statement.setString(index++, value);
        }
        return index;
    }
}
