package io.stent.admin;

import io.stent.CatalogueAssertions;
import org.junit.jupiter.api.Test;

class ConsoleMessagesTest {

    @Test
    void theCatalogue_definesEachCodeOnce_theReadmeListsEach_andNoCodeIsWrittenElsewhere() {
        CatalogueAssertions.check(ConsoleMessages.values(), "ConsoleMessages.java");
    }
}
