package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Declared schedules on H2. */
class H2SchedulesTest extends SchedulesTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
