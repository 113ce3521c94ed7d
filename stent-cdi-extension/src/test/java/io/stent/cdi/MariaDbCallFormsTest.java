package io.stent.cdi;

import io.stent.store.TestDatabase;

class MariaDbCallFormsTest extends CallFormsTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
