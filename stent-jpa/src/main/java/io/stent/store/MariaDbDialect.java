package io.stent.store;

import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.FunctionKey;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB 10.6+ and MySQL 8: times are UTC in {@code DATETIME(6)} columns and the clock is
 * {@code UTC_TIMESTAMP(6)} (see {@link UtcConnection}); claims lock the tasks they take with
 * {@code FOR UPDATE SKIP LOCKED} and no others ({@link CandidateClaim}); Stent's transactions run READ COMMITTED, so that
 * InnoDB locks the rows they change and not the gaps between them; named locks serve as the
 * migration lock and the workers' session locks. There is no push wake-up: idle workers poll.
 */
final class MariaDbDialect implements Dialect {

    private static final Pattern CLOCK = Pattern.compile("\\bCURRENT_TIMESTAMP\\b(?!\\s*\\()");
    private static final Pattern MARIADB_VERSION = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+).*");
    private static final String SCHEMA_LOCK = "stent_schema";
    private static final int SCHEMA_LOCK_SECONDS = 600;
    /** Stent's statements are a fixed set, but lists of placeholders vary: the cache is bounded. */
    private static final int TRANSLATIONS_KEPT = 4096;
    /** A worker's lock is its own (its key is random): a year's wait only ends at a broken connection. */
    private static final SessionLock.Statements SESSION_LOCK = new SessionLock.Statements(
            "SELECT GET_LOCK(?, 31536000)", "SELECT RELEASE_LOCK(?)", true);

    private final Map<String, String> translations = new ConcurrentHashMap<>();

    @Override
    public String eclipseLinkPlatform() {
        return "org.eclipse.persistence.platform.database.MySQLPlatform";
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public void checkVersion(DatabaseMetaData metaData) throws SQLException {
        String version = metaData.getDatabaseProductVersion();
        boolean mariaDb = version.contains("MariaDB") || "MariaDB".equalsIgnoreCase(metaData.getDatabaseProductName());
        Matcher parts = MARIADB_VERSION.matcher(version);
        if (!parts.matches()) {
            throw new StoreException(StoreMessages.UNSUPPORTED_DATABASE.format(
                    "cannot read the database version '" + version + "'"), null);
        }
        int major = Integer.parseInt(parts.group(1));
        int minor = Integer.parseInt(parts.group(2));
        boolean supported = mariaDb ? major > 10 || major == 10 && minor >= 6 : major >= 8;
        if (!supported) {
            throw new StoreException(StoreMessages.UNSUPPORTED_DATABASE.format(
                    "Stent needs MariaDB 10.6 or later, or MySQL 8 or later (for FOR"
                            + " UPDATE SKIP LOCKED); this database is " + metaData.getDatabaseProductName() + " "
                                    + version),
                    null);
        }
    }

    @Override
    public Connection adapt(Connection connection) {
        return UtcConnection.wrap(connection, this::translate);
    }

    @Override
    public void beginTransaction(Connection connection) throws SQLException {
        if (connection.getTransactionIsolation() != Connection.TRANSACTION_READ_COMMITTED) {
            // For this transaction only: the DataSource may be the application's, and its
            // connections keep their own level.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
        }
    }

    @Override
    public String translate(String sql) {
        String known = translations.get(sql);
        if (known != null) {
            return known;
        }
        String translated = CLOCK.matcher(sql).replaceAll("UTC_TIMESTAMP(6)");
        if (translations.size() < TRANSLATIONS_KEPT) {
            translations.put(sql, translated);
        }
        return translated;
    }

    @Override
    public String versionTable() {
        return "CREATE TABLE IF NOT EXISTS stent_schema_version (version INT NOT NULL PRIMARY KEY,"
                + " description VARCHAR(200) NOT NULL, applied_at DATETIME(6) NOT NULL)"
                + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    @Override
    public String nowPlusMillis() {
        return "TIMESTAMPADD(MICROSECOND, ?, UTC_TIMESTAMP(6))";
    }

    @Override
    public void bindMillis(PreparedStatement statement, int index, long millis) throws SQLException {
        statement.setLong(index, Math.multiplyExact(millis, 1000L));
    }

    @Override
    public List<ClaimedTask> claim(Connection connection, String owner, Collection<FunctionKey> functions, int limit,
                                   long leaseMillis) throws SQLException {
        return CandidateClaim.claim(connection, this, owner, functions, limit, leaseMillis);
    }

    @Override
    public String onConflictDoNothing() {
        // A duplicate is reported as an error; it fails only its statement, not the transaction.
        return "";
    }

    @Override
    public void lockSchema(Connection connection, String holder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, SCHEMA_LOCK);
            statement.setInt(2, SCHEMA_LOCK_SECONDS);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getInt(1) != 1) {
                    throw new SQLException(StoreMessages.SCHEMA_LOCK_HELD.format(
                            "the schema lock (named lock '" + SCHEMA_LOCK + "') is still"
                                    + " held by another session after " + SCHEMA_LOCK_SECONDS + " seconds"));
                }
            }
        }
    }

    @Override
    public void unlockSchema(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, SCHEMA_LOCK);
            statement.execute();
        }
    }

    @Override
    public AutoCloseable holdSessionLock(javax.sql.DataSource dataSource, long key,
                                         java.util.concurrent.ThreadFactory threads) {
        return SessionLock.hold(dataSource, SESSION_LOCK, workerLock(key), threads);
    }

    @Override
    public boolean sessionLockFree(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT IS_FREE_LOCK(?)")) {
            statement.setString(1, workerLock(key));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }

    private static String workerLock(long key) {
        return "stent_worker_" + key;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            // ER_DUP_ENTRY and ER_DUP_ENTRY_WITH_KEY_NAME; their SQL state 23000 also covers other
            // constraint failures.
            if (next.getErrorCode() == 1062 || next.getErrorCode() == 1586) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isMissingTable(SQLException e) {
        return e.getErrorCode() == 1146 || "42S02".equals(e.getSQLState());
    }
}
