package io.stent.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numbered schema change of one database, read from
 * {@code io/stent/store/migrations/<dialect>/V<n>.sql}; its first line names it
 * ({@code -- name: byte_order_keys}). The versions of a dialect are the files found from V1 on,
 * until the first missing number: add a file to add a migration, never edit a released one.
 *
 * @param version the schema version it produces
 * @param description its name, recorded in {@code stent_schema_version}
 * @param script the SQL
 */
record Migration(int version, String description, String script) {

    /** The dialects whose migrations ship in this jar. */
    static final List<String> DIALECTS = Dialects.NAMES;

    private static final Pattern NAME = Pattern.compile("^-- name: (\\S+)");

    /** Every dialect's migrations, read once from the jar's resources. */
    private static final Map<String, List<Migration>> BY_DIALECT = readAll();

    private static Map<String, List<Migration>> readAll() {
        Map<String, List<Migration>> all = new java.util.HashMap<>();
        for (String dialect : DIALECTS) {
            all.put(dialect, read(dialect));
        }
        return Map.copyOf(all);
    }

    private static List<Migration> read(String dialect) {
        List<Migration> migrations = new ArrayList<>();
        for (int version = 1; ; version++) {
            String path = "migrations/" + dialect + "/V" + version + ".sql";
            try (InputStream in = Migration.class.getResourceAsStream(path)) {
                if (in == null) {
                    return List.copyOf(migrations);
                }
                String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher name = NAME.matcher(script);
                if (!name.find()) {
                    throw new io.stent.StentException(StoreMessages.BAD_MIGRATION, 
                            "migration " + path + " does not start with" + " '-- name: <name>'");
                }
                migrations.add(new Migration(version, name.group(1), script));
            } catch (IOException e) {
                throw new io.stent.StentException(StoreMessages.BAD_MIGRATION, e, "cannot read migration " + path);
            }
        }
    }

    /**
     * The migrations of a dialect, in order.
     *
     * @param dialect the dialect's name
     * @return the migrations
     */
    static List<Migration> of(String dialect) {
        List<Migration> migrations = BY_DIALECT.get(dialect);
        if (migrations == null) {
            throw new io.stent.StentArgumentException(StoreMessages.BAD_MIGRATION, 
                    "no migrations ship for the dialect '" + dialect + "'");
        }
        return migrations;
    }

    /** The schema version this code needs (every dialect ships the same versions). */
    static int latest() {
        return of(DIALECTS.get(0)).size();
    }

    /** The script's statements: split at semicolons that end a line, comment lines dropped. */
    List<String> statements() {
        return Statements.split(script);
    }
}
