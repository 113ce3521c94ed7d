package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Tracing on the embedded H2 database (its claim reads the stored trace context). */
class H2TracingTest extends TracingTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
