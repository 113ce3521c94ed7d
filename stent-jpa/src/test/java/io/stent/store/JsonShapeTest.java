package io.stent.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonShapeTest {

    @Test
    void oneJsonValue_ofEveryKind_isAccepted() {
        for (String json : new String[] {"null", "true", " false ", "0", "-1.5e+3", "\"a\\u00e9\\n\"", "[]", "{}",
                "{\"a\":[1,{\"b\":null}],\"c\":\"<script>\"}", "[1, 2, [3]]"}) {
            assertNull(JsonShape.problem(json), json);
        }
    }

    @Test
    void brokenJson_isRefused_sayingWhatAndWhere() {
        assertEquals("a member name in quotes expected at character 2", JsonShape.problem("{not json"));
        assertEquals("text after the value at character 3", JsonShape.problem("1 2"));
        assertTrue(JsonShape.problem("[1,]").startsWith("unexpected ']'"));
        assertTrue(JsonShape.problem("\"open").startsWith("an unterminated string"));
        assertTrue(JsonShape.problem("01").startsWith("text after the value"));
        assertTrue(JsonShape.problem("").startsWith("unexpected end"));
        assertTrue(JsonShape.problem("[".repeat(300)).startsWith("nested deeper than 200 levels"));
    }

    @Test
    void signalPayloads_areCheckedBeforeTheyAreStored() {
        assertEquals("null", SignalJson.check("go", " "));
        assertEquals("{\"ok\":true}", SignalJson.check("go", " {\"ok\":true} "));
        assertTrue(assertThrows(io.stent.StentArgumentException.class, () -> SignalJson.check("go", "{x"))
                .getMessage().startsWith("STENT-1716"));
        assertTrue(assertThrows(io.stent.StentArgumentException.class, () -> SignalJson.check("", "1"))
                .getMessage().startsWith("STENT-1112"));
        assertTrue(assertThrows(io.stent.StentArgumentException.class,
                () -> SignalJson.check("go", "\"" + "x".repeat(SignalJson.MAX_CHARS) + "\""))
                .getMessage().startsWith("STENT-1715"));
    }
}
