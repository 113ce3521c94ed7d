package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Suspension semantics on H2. */
class H2SuspensionTest extends SuspensionTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
