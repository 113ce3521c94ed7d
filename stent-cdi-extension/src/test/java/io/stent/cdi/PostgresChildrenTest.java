package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Children on Postgres. */
class PostgresChildrenTest extends ChildrenTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
