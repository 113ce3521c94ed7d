package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Versioning on MariaDB. */
class MariaDbVersioningTest extends VersioningTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
