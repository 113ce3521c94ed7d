package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Durable execution on PostgreSQL. */
class PostgresDurableExecutionTest extends DurableExecutionTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
