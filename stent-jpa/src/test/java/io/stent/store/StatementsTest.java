package io.stent.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How migration scripts are cut into statements. */
class StatementsTest {

    @Test
    void aFunctionBodyWithSemicolons_staysOneStatement_andCommentLinesAreDropped() {
        String script = String.join("\n",
                "-- name: example",
                "CREATE TABLE a (id INT);",
                "CREATE FUNCTION f() RETURNS INT LANGUAGE plpgsql AS $$",
                "BEGIN",
                "    -- a comment inside the body",
                "    PERFORM 1;",
                "    RETURN 2;",
                "END",
                "$$;",
                "DROP TABLE a;", "");
        assertEquals(List.of("CREATE TABLE a (id INT)",
                "CREATE FUNCTION f() RETURNS INT LANGUAGE plpgsql AS $$\nBEGIN\n    PERFORM 1;\n    RETURN 2;\nEND\n$$",
                "DROP TABLE a"), Statements.split(script));
    }

    @Test
    void aBodyOpenedAndClosedOnOneLine_endsAtTheLinesSemicolon() {
        assertEquals(List.of("CREATE FUNCTION g() RETURNS INT LANGUAGE sql AS $$ SELECT 1 $$", "SELECT 2"),
                Statements.split("CREATE FUNCTION g() RETURNS INT LANGUAGE sql AS $$ SELECT 1 $$;\nSELECT 2;\n"));
    }
}
