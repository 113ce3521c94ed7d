package io.stent.store;

/** The store contract on PostgreSQL, the production store. */
class PostgresStoreTest extends StoreContractTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
