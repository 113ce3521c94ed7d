package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Versioning on H2. */
class H2VersioningTest extends VersioningTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
