package io.stent.store;

import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.NewExecution;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on MariaDB (the dialect that serves MySQL too), and what differs there. */
class MariaDbStoreTest extends SessionLockStoreTest {

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }

    @Override
    void lockAsWorker(Connection session, long key) throws SQLException {
        try (PreparedStatement lock = session.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            lock.setString(1, "stent_worker_" + key);
            try (ResultSet rows = lock.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
    }

    @Test
    void theDialect_isDetectedFromTheConnection() {
        assertEquals("mariadb", JdbcStore.on(database.dataSource()).dialect());
    }

    @Test
    void times_areStoredAsUtc_withMicroseconds_whateverTheJvmTimeZone() throws Exception {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        try {
            String id = start(fn());
            ExecutionRecord read = store.executions().find(id).orElseThrow();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            assertTrue(Duration.between(read.createdAt(), now).abs().toSeconds() < 5,
                    "created at " + read.createdAt() + ", now " + now);
            try (Connection connection = database.openSession();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT CAST(created_at AS CHAR), CAST(UTC_TIMESTAMP(6) AS CHAR) FROM stent_execution"
                                 + " WHERE id = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    LocalDateTime stored = LocalDateTime.parse(rows.getString(1).replace(' ', 'T'));
                    LocalDateTime utc = LocalDateTime.parse(rows.getString(2).replace(' ', 'T'));
                    assertTrue(Duration.between(stored, utc).abs().toSeconds() < 5,
                            "the row holds the UTC wall clock: " + stored + " against " + utc);
                    assertNotEquals(0, stored.getNano(), "microseconds kept: " + rows.getString(1));
                }
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void idempotencyKeys_andFunctionNames_areCaseSensitive() {
        String function = fn();
        String key = "Order-" + UUID.randomUUID();
        String upper = store.executions().create(NewExecution.now(UUID.randomUUID().toString(), function, 1,
                "default", "[1]", key));
        String lower = store.executions().create(NewExecution.now(UUID.randomUUID().toString(), function, 1,
                "default", "[1]", key.toLowerCase(java.util.Locale.ROOT)));
        assertNotEquals(upper, lower, "two keys that differ in case are two executions");
        assertTrue(store.claims().claim("w", k(function.toUpperCase(java.util.Locale.ROOT)), 2, LEASE).isEmpty(),
                "a function name in another case is another function");
    }

    @Test
    void stentsTransactions_readCommitted_evenOnARepeatableReadPool() throws Exception {
        Jdbc jdbc = new Jdbc(database.dataSource(), new MariaDbDialect());
        String id = start(fn());
        try (Connection connection = database.dataSource().getConnection()) {
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, connection.getTransactionIsolation(),
                    "the pool's own level (the server default) stays as it was");
        }
        String seen = jdbc.inTransaction(connection -> {
            String first = status(connection, id);
            try (Connection other = database.openSession(); Statement update = other.createStatement()) {
                update.executeUpdate("UPDATE stent_execution SET status = 'EXPIRED' WHERE id = '" + id + "'");
            }
            return first + " then " + status(connection, id);
        });
        assertEquals("PENDING then EXPIRED", seen, "a second read sees what committed in between");
    }

    private static String status(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT status FROM stent_execution WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    @Test
    void anOldServerVersion_isRefusedByName() throws Exception {
        java.sql.DatabaseMetaData old = (java.sql.DatabaseMetaData) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {java.sql.DatabaseMetaData.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getDatabaseProductVersion" -> "10.5.22-MariaDB";
                    case "getDatabaseProductName" -> "MariaDB";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        StoreException refused = assertThrows(StoreException.class, () -> new MariaDbDialect().checkVersion(old));
        assertTrue(refused.getMessage().contains("MariaDB 10.6") && refused.getMessage().contains("10.5.22"),
                refused.getMessage());
    }
}
