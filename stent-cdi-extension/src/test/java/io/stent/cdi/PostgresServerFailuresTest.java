package io.stent.cdi;

import io.stent.store.TestDatabase;

class PostgresServerFailuresTest extends ServerFailuresTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
