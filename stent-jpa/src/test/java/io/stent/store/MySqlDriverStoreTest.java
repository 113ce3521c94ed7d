package io.stent.store;

/**
 * The store contract and the MariaDB dialect's own tests through MySQL's JDBC driver
 * (Connector/J) on the MariaDB server here: the driver reports the product as MySQL, and the
 * dialect that serves both takes it.
 */
class MySqlDriverStoreTest extends MariaDbStoreTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadbThroughMySqlDriver();
    }
}
