package io.stent.cdi;

import io.stent.store.TestDatabase;

class MariaDbServerFailuresTest extends ServerFailuresTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
