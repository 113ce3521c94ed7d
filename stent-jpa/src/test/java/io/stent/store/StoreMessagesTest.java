package io.stent.store;

import io.stent.CatalogueAssertions;
import org.junit.jupiter.api.Test;

class StoreMessagesTest {

    @Test
    void theCatalogue_definesEachCodeOnce_theReadmeListsEach_andNoCodeIsWrittenElsewhere() {
        CatalogueAssertions.check(StoreMessages.values(), "StoreMessages.java");
    }
}
