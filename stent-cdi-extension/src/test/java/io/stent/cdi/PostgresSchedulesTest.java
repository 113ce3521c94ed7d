package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Declared schedules on PostgreSQL. */
class PostgresSchedulesTest extends SchedulesTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
