package io.stent.engine;

import io.stent.CatalogueAssertions;
import org.junit.jupiter.api.Test;

class EngineMessagesTest {

    @Test
    void theCatalogue_definesEachCodeOnce_theReadmeListsEach_andNoCodeIsWrittenElsewhere() {
        CatalogueAssertions.check(EngineMessages.values(), "EngineMessages.java");
    }
}
