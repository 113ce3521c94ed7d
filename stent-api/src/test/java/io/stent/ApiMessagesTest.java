package io.stent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApiMessagesTest {

    @Test
    void theCatalogue_definesEachCodeOnce_theReadmeListsEach_andNoCodeIsWrittenElsewhere() {
        CatalogueAssertions.check(ApiMessages.values(), "ApiMessages.java");
    }

    @Test
    void format_fillsEachPlaceholderInTurn() {
        assertEquals("STENT-1409 cannot cancel: execution e-1 has already finished",
                ApiMessages.EXECUTION_FINISHED.format("cancel", "e-1"));
        assertEquals("a {} c", StentMessage.fill("a {} c"), "a missing argument leaves its place");
        assertEquals("STENT-1404", new ExecutionNotFoundException("x").code());
    }
}
