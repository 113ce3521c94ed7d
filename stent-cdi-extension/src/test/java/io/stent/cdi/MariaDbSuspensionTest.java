package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Suspension semantics on MariaDB. */
class MariaDbSuspensionTest extends SuspensionTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
