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

    /** Binds the values from {@code index} on and returns the next free index. */
    static int bind(PreparedStatement statement, int index, Collection<String> values) throws SQLException {
        for (String value : values) {
            statement.setString(index++, value);
        }
        return index;
    }
}
