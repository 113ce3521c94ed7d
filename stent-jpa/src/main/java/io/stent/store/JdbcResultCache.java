package io.stent.store;

import io.stent.engine.store.ResultCache;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;

/**
 * The result cache in {@code stent_cache}. An entry is replaced by deleting and inserting it in one
 * transaction, which works the same on every database.
 */
final class JdbcResultCache implements ResultCache {

    private final Jdbc jdbc;

    JdbcResultCache(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> get(String key) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT result FROM stent_cache"
                    + " WHERE cache_key = ? AND expires_at > CURRENT_TIMESTAMP")) {
                statement.setString(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, String function, String result, Duration ttl) {
        jdbc.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM stent_cache WHERE cache_key = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stent_cache (cache_key,"
                    + " function_name, result, expires_at, created_at) VALUES (?, ?, ?, "
                    + jdbc.dialect().nowPlusMillis() + ", CURRENT_TIMESTAMP)" + jdbc.dialect().onConflictDoNothing())) {
                insert.setString(1, key);
                insert.setString(2, function);
                insert.setString(3, result);
                jdbc.dialect().bindMillis(insert, 4, ttl.toMillis());
                return insert.executeUpdate();
            } catch (java.sql.SQLException e) {
                if (jdbc.isUniqueViolation(e)) {
                    return 0;
                }
                throw e;
            }
        });
    }
}
