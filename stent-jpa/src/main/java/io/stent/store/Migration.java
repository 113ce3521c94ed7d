package io.stent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One numbered schema change, read from {@code io/stent/store/migrations/<dialect>/V<n>__<name>.sql}.
 *
 * @param version the schema version it produces
 * @param description what it does
 */
record Migration(int version, String description) {

    /** Every migration, in order. Add new ones at the end; never edit a released one. */
    static final List<Migration> ALL = List.of(new Migration(1, "init"),
            new Migration(2, "waits_signals_deadlines"), new Migration(3, "dead_letters"),
            new Migration(4, "children"), new Migration(5, "limits"),
            new Migration(6, "versions"), new Migration(7, "result_cache"),
            new Migration(8, "hot_path"), new Migration(9, "claims_leave_executions"),
            new Migration(10, "byte_order_keys"), new Migration(11, "workers_and_requeues"));

    static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }

    String script(Dialect dialect) {
        String path = "migrations/" + dialect.name() + "/V" + version + "__" + description + ".sql";
        try (InputStream in = Migration.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("STENT-3005 migration " + path + " is missing from the Stent jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("STENT-3005 cannot read migration " + path, e);
        }
    }

    /** The script's statements: split at semicolons that end a line, comment lines dropped. */
    List<String> statements(Dialect dialect) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script(dialect).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().trim();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }
}
