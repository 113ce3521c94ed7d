package io.stent.test;

import io.stent.CatalogueAssertions;
import org.junit.jupiter.api.Test;

class KitMessagesTest {

    @Test
    void theCatalogue_definesEachCodeOnce_theReadmeListsEach_andNoCodeIsWrittenElsewhere() {
        CatalogueAssertions.check(KitMessages.values(), "KitMessages.java");
    }
}
