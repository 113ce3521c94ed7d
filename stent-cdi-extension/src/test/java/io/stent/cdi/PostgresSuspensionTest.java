package io.stent.cdi;

import io.stent.store.TestDatabase;

/** Suspension semantics on PostgreSQL. */
class PostgresSuspensionTest extends SuspensionTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
