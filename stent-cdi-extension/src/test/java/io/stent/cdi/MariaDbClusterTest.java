package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Two instances on MariaDB. */
class MariaDbClusterTest extends ClusterTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
