package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Two instances on PostgreSQL. */
class PostgresClusterTest extends ClusterTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
