package io.stent.cdi;

import io.stent.CatalogueAssertions;
import org.junit.jupiter.api.Test;

class RuntimeMessagesTest {

    @Test
    void theCatalogue_definesEachCodeOnce_theReadmeListsEach_andNoCodeIsWrittenElsewhere() {
        CatalogueAssertions.check(RuntimeMessages.values(), "RuntimeMessages.java");
    }
}
