package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Durable execution on H2. */
class H2DurableExecutionTest extends DurableExecutionTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
