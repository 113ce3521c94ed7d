package io.stent.cdi;

import io.stent.store.TestDatabase;

class H2ServerFailuresTest extends ServerFailuresTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
