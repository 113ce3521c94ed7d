package io.stent.store;

import io.stent.engine.store.ClaimGroup;
import io.stent.engine.store.ClaimedTask;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.TreeSet;

/**
 * A claim under limits, in one transaction: lock the group's limit rows (in name order, so two
 * claimers never deadlock), count what runs, refill the token bucket by the database clock, and
 * claim no more than the limits allow.
 */
final class LimitedClaim {

    private final Jdbc jdbc;
    private final java.util.Set<String> ensured = java.util.concurrent.ConcurrentHashMap.newKeySet();

    LimitedClaim(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    List<ClaimedTask> claim(String owner, ClaimGroup group, int limit, Duration lease) {
        ensureRows(group);
        return jdbc.inTransaction(connection -> {
            LimitRow bucket = null;
            for (String key : keys(group)) {
                LimitRow row = lock(connection, key);
                if (group.rate() != null && key.equals(group.rate().key())) {
                    bucket = row;
                }
            }
            int allowed = limit;
            int sharers = group.concurrency().isEmpty() ? 1 : liveWorkersRunning(connection, group);
            for (ClaimGroup.ConcurrencyLimit concurrency : group.concurrency()) {
                allowed = Math.min(allowed, concurrency.max() - running(connection, concurrency, null));
                // A fair share of the limit for each live worker that runs these functions, so that
                // limited work spreads over the instances instead of going to the first claimer.
                int share = (concurrency.max() + sharers - 1) / sharers;
                allowed = Math.min(allowed, share - running(connection, concurrency, owner));
            }
            double refilled = 0;
            if (bucket != null) {
                refilled = bucket.refill(group.rate());
                allowed = Math.min(allowed, (int) Math.floor(refilled));
            }
            List<ClaimedTask> claimed = allowed > 0
                    ? jdbc.dialect().claim(connection, owner, group.functions(), allowed, lease.toMillis())
                    : List.of();
            if (bucket != null) {
                store(connection, group.rate().key(), refilled - claimed.size(), bucket.now());
            }
            return claimed;
        });
    }

    private static TreeSet<String> keys(ClaimGroup group) {
        TreeSet<String> keys = new TreeSet<>();
        group.concurrency().forEach(limit -> keys.add(limit.key()));
        if (group.rate() != null) {
            keys.add(group.rate().key());
        }
        return keys;
    }

    /** Creates missing limit rows (a rate bucket starts full) once per key, outside the claim transaction. */
    private void ensureRows(ClaimGroup group) {
        for (String key : keys(group)) {
            if (ensured.contains(key)) {
                continue;
            }
            double initial = group.rate() != null && key.equals(group.rate().key()) ? group.rate().burst() : 0;
            jdbc.autoCommit(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO stent_limit (name, tokens, refilled_at) VALUES (?, ?, CURRENT_TIMESTAMP)"
                                + jdbc.dialect().onConflictDoNothing())) {
                    insert.setString(1, key);
                    insert.setDouble(2, initial);
                    return insert.executeUpdate();
                } catch (SQLException e) {
                    if (jdbc.isUniqueViolation(e)) {
                        return 0;
                    }
                    throw e;
                }
            });
            ensured.add(key);
        }
    }

    /**
     * A locked limit row: its tokens, when they were last refilled, and the database clock at the
     * lock, all read by the one locking statement.
     */
    private record LimitRow(double tokens, OffsetDateTime refilledAt, OffsetDateTime now) {

        /** The bucket's tokens now: refilled at the rate since the last refill, up to the burst. */
        double refill(ClaimGroup.RateLimit rate) {
            double seconds = Math.max(0, Duration.between(refilledAt, now).toNanos() / 1e9);
            return Math.min(rate.burst(), tokens + seconds * rate.perSecond());
        }
    }

    private static LimitRow lock(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tokens, refilled_at, CURRENT_TIMESTAMP FROM stent_limit WHERE name = ? FOR UPDATE")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException(StoreMessages.LIMIT_ROW_MISSING.format(key));
                }
                return new LimitRow(rows.getDouble(1), rows.getObject(2, OffsetDateTime.class),
                        rows.getObject(3, OffsetDateTime.class));
            }
        }
    }

    /** Running tasks in the limit's scope, of all workers or of {@code owner} only. */
    private static int running(Connection connection, ClaimGroup.ConcurrencyLimit limit, String owner)
            throws SQLException {
        String scope = limit.function() != null ? "function_name = ?" : "queue = ?";
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM stent_task WHERE status = 'RUNNING' AND " + scope
                        + (owner != null ? " AND lease_owner = ?" : ""))) {
            statement.setString(1, limit.function() != null ? limit.function() : limit.queue());
            if (owner != null) {
                statement.setString(2, owner);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * How many live workers (a sign of life in the last half minute) run one of the group's
     * functions; at least one, the claimer itself.
     */
    private int liveWorkersRunning(Connection connection, ClaimGroup group) throws SQLException {
        StringBuilder runsOne = new StringBuilder();
        for (int i = 0; i < group.functions().size(); i++) {
            runsOne.append(i == 0 ? "" : " OR ").append("functions LIKE ? ESCAPE '!'");
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM stent_worker"
                + " WHERE stopped_at IS NULL AND heartbeat_at > " + jdbc.dialect().nowPlusMillis()
                + " AND (" + runsOne + ")")) {
            jdbc.dialect().bindMillis(statement, 1, -LIVE_WITHIN_MILLIS);
            int index = 2;
            for (io.stent.engine.store.FunctionKey function : group.functions()) {
                String key = io.stent.engine.store.WorkerRecord.keyText(function).replace("!", "!!")
                        .replace("%", "!%").replace("_", "!_");
                statement.setString(index++, "%|" + key + "|%");
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return Math.max(1, rows.getInt(1));
            }
        }
    }

    private static final long LIVE_WITHIN_MILLIS = 30_000;

    private static void store(Connection connection, String key, double tokens, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE stent_limit SET tokens = ?, refilled_at = ? WHERE name = ?")) {
            statement.setDouble(1, tokens);
            statement.setObject(2, now);
            statement.setString(3, key);
            statement.executeUpdate();
        }
    }

}
