package io.stent.cdi;

import io.stent.store.TestDatabase;

class PostgresCallFormsTest extends CallFormsTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
