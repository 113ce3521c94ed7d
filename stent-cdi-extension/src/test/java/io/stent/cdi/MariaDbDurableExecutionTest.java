package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Durable execution on MariaDB. */
class MariaDbDurableExecutionTest extends DurableExecutionTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
