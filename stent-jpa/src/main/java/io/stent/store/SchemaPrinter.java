package io.stent.store;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints the complete DDL of Stent's schema for a DBA: the version table, every migration of a
 * range, and the rows that record them, so that a schema applied by hand from its output is
 * accepted as current (run Stent with {@code stent.schema.migrate=false}):
 * {@code java -cp stent-jpa.jar io.stent.store.SchemaPrinter postgresql [from] [to]}.
 */
public final class SchemaPrinter {

    private SchemaPrinter() {
    }

    /**
     * Prints the schema.
     *
     * @param args the dialect ({@code postgresql}, {@code h2} or {@code mariadb}, which
     *     serves MySQL too), then optionally the first and
     *     the last version to print (default: all); give a first version above 1 to upgrade a
     *     database that is at the version before it
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 3) {
            throw new IllegalArgumentException("usage: SchemaPrinter postgresql|h2|mariadb [from] [to]");
        }
        String dialect = args[0].toLowerCase(Locale.ROOT);
        int from = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int to = args.length > 2 ? Integer.parseInt(args[2]) : Migration.latest();
        print(dialect, from, to, System.out);
    }

    /**
     * Prints the schema of a dialect from version {@code from} to version {@code to}.
     *
     * @param dialect the dialect's name
     * @param from the first version
     * @param to the last version
     * @param out where to print
     */
    static void print(String dialect, int from, int to, PrintStream out) {
        Dialect sql = Dialects.byName(dialect);
        if (from < 1 || to > Migration.latest() || from > to) {
            throw new io.stent.StentArgumentException(StoreMessages.BAD_VERSION_RANGE, Migration.latest(), from, to);
        }
        out.println("-- Stent schema for " + dialect + ", versions " + from + " to " + to + ".");
        out.println("-- Apply it in one go; the last statements record the versions, so Stent accepts it.");
        out.println(sql.versionTable() + ";");
        for (Migration migration : Migration.of(dialect)) {
            if (migration.version() < from || migration.version() > to) {
                continue;
            }
            out.println();
            out.println("-- V" + migration.version() + " " + migration.description());
            for (String statement : migration.statements()) {
                out.println(statement + ";");
            }
            out.println(sql.translate(SchemaMigrator.RECORD_VERSION.replace("(?, ?,", "(" + migration.version()
                    + ", '" + migration.description() + "',")) + ";");
        }
    }
}
