package io.stent.cdi;

import io.stent.store.TestDatabase;

class H2CallFormsTest extends CallFormsTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }
}
