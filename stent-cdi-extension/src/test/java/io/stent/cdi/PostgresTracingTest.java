package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Tracing on PostgreSQL (its claim statement reads the stored trace context). */
class PostgresTracingTest extends TracingTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
