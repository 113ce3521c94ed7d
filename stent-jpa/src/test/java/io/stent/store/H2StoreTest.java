package io.stent.store;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The store contract on in-memory H2, the embedded default's engine. */
class H2StoreTest extends StoreContractTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    @Test
    void creatingTheStore_makesH2FlushCommitsAtOnce_soAKilledProcessKeepsThem() throws Exception {
        TestDatabase database = TestDatabase.h2();
        JdbcStore.on(database.dataSource());
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rows.next();
            assertEquals("0", rows.getString(1));
        }
    }
}
