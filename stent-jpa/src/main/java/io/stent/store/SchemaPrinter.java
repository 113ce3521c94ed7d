package io.stent.store;

import java.util.Locale;

/**
 * Prints the DDL of every migration for a DBA:
 * {@code java -cp stent-jpa.jar io.stent.store.SchemaPrinter postgresql}.
 */
public final class SchemaPrinter {

    private SchemaPrinter() {
    }

    /**
     * Prints the schema.
     *
     * @param args the dialect: {@code postgresql} or {@code h2}
     */
    public static void main(String[] args) {
        String name = args.length == 1 ? args[0].toLowerCase(Locale.ROOT) : "";
        Dialect dialect = switch (name) {
            case "postgresql" -> new PostgresDialect();
            case "h2" -> new H2Dialect();
            default -> throw new IllegalArgumentException("usage: SchemaPrinter postgresql|h2");
        };
        for (Migration migration : Migration.ALL) {
            System.out.println("-- V" + migration.version() + " " + migration.description());
            System.out.println(migration.script(dialect));
        }
    }
}
