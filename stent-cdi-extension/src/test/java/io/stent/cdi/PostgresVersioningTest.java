package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Versioning on Postgres. */
class PostgresVersioningTest extends VersioningTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
