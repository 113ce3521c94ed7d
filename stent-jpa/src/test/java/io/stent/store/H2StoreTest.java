package io.stent.store;

/** The store contract on in-memory H2, the embedded default's engine. */
class H2StoreTest extends StoreContractTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
