package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Children on H2. */
class H2ChildrenTest extends ChildrenTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
