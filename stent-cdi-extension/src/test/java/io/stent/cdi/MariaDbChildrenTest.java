package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Children on Postgres. */
class MariaDbChildrenTest extends ChildrenTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
