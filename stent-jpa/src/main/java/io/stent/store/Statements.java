package io.stent.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements: at semicolons that end a line outside a dollar-quoted
 * body ({@code $$ ... $$}, as in a PL/pgSQL function), comment lines dropped.
 */
final class Statements {

    private Statements() {
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (line.split("\\$\\$", -1).length % 2 == 0) {
                inBody = !inBody; // an odd number of $$ on the line opens or closes a body
            }
            if (trimmed.endsWith(";") && !inBody) {
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
