package io.stent.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints JSON objects as a plain text table: one row each, the given fields as columns. */
final class Tables {

    /** Longer cells are cut, so that a table stays readable in a terminal. */
    static final int MAX_CELL = 60;

    private Tables() {
    }

    static void print(PrintStream out, List<JsonObject> rows, List<String> columns) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns);
        for (JsonObject row : rows) {
            cells.add(columns.stream().map(column -> text(row.get(column))).toList());
        }
        int[] widths = new int[columns.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(i == 0 ? "" : "  ").append(i == line.size() - 1 ? line.get(i)
                        : String.format("%-" + widths[i] + "s", line.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
        if (rows.isEmpty()) {
            out.println("(none)");
        }
    }

    static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        String text = switch (value.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case ARRAY -> String.join(", ", value.asJsonArray().stream().map(Tables::text).toList());
            default -> value.toString();
        };
        text = text.replaceAll("\\s+", " ");
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text;
    }
}
