package io.stent.store;

import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskClaims;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Claims and leases; all time comparisons happen in SQL against the database clock.
 */
final class JdbcTaskClaims implements TaskClaims {

    /**
     * Puts tasks of a dead worker back in the queue: the attempt it was running is given back (its
     * end was not the application's doing) and counted as a requeue instead.
     */
    private static final String REQUEUE = "UPDATE stent_task SET status = 'READY', lease_owner = NULL,"
            + " lease_expires_at = NULL, attempt = CASE WHEN attempt > 0 THEN attempt - 1 ELSE 0 END,"
            + " requeues = requeues + 1, version = version + 1";

    private final Jdbc jdbc;
    private final LimitedClaim limited;

    JdbcTaskClaims(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.limited = new LimitedClaim(jdbc);
    }

    @Override
    public List<ClaimedTask> claimLimited(String owner, io.stent.engine.store.ClaimGroup group, int limit,
                                          Duration lease) {
        if (group.functions().isEmpty() || limit < 1) {
            return List.of();
        }
        return limited.claim(owner, group, limit, lease);
    }

    @Override
    public List<ClaimedTask> claim(String owner, Collection<io.stent.engine.store.FunctionKey> functions, int limit,
                                   Duration lease) {
        if (functions.isEmpty() || limit < 1) {
            return List.of();
        }
        return jdbc.dialect().claimAlone(jdbc, owner, functions, limit, lease.toMillis());
    }

    @Override
    public int renewLeases(String owner, Duration lease) {
        return jdbc.inTransaction(connection -> {
            int renewed = 0;
            for (List<String> chunk : chunks(lockFree(connection, "lease_owner = ? AND status = 'RUNNING'", owner))) {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_task SET"
                        + " lease_expires_at = " + jdbc.dialect().nowPlusMillis()
                        + " WHERE id IN (" + SqlLists.placeholders(chunk.size()) + ")")) {
                    jdbc.dialect().bindMillis(statement, 1, lease.toMillis());
                    SqlLists.bind(statement, 2, chunk);
                    renewed += statement.executeUpdate();
                }
            }
            return renewed;
        });
    }

    /** Splits ids into lists short enough for one statement's parameters. */
    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
        }
        return chunks;
    }

    /**
     * Locks the task rows that match and that no other transaction holds, and returns their ids.
     * Heartbeats and recovery touch many rows at once; skipping rows that a completion is deleting
     * keeps them from deadlocking with it (those rows end or come back in the next round).
     */
    private static List<String> lockFree(java.sql.Connection connection, String condition, String parameter)
            throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM stent_task WHERE "
                + condition + " FOR UPDATE SKIP LOCKED")) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<String> ids = new java.util.ArrayList<>();
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    @Override
    public java.util.Set<String> cancelRequested(Collection<String> executionIds) {
        if (executionIds.isEmpty()) {
            return java.util.Set.of();
        }
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM stent_execution"
                    + " WHERE status = 'CANCELLING' AND id IN (" + SqlLists.placeholders(executionIds.size()) + ")")) {
                SqlLists.bind(statement, 1, executionIds);
                java.util.Set<String> cancelled = new java.util.HashSet<>();
                try (java.sql.ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        cancelled.add(rows.getString(1));
                    }
                }
                return cancelled;
            }
        });
    }

    @Override
    public int recoverExpiredLeases() {
        return jdbc.inTransaction(connection -> {
            int recovered = 0;
            for (List<String> chunk : chunks(lockFree(connection,
                    "status = 'RUNNING' AND lease_expires_at < CURRENT_TIMESTAMP", null))) {
                try (PreparedStatement statement = connection.prepareStatement(REQUEUE
                        + " WHERE id IN (" + SqlLists.placeholders(chunk.size()) + ")")) {
                    SqlLists.bind(statement, 1, chunk);
                    recovered += statement.executeUpdate();
                }
            }
            if (recovered > 0) {
                jdbc.dialect().notifyWork(connection);
            }
            return recovered;
        });
    }

    @Override
    public boolean release(String taskId, String owner) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_task SET status = 'READY',"
                    + " lease_owner = NULL, lease_expires_at = NULL, attempt = attempt - 1, version = version + 1"
                    + " WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'")) {
                statement.setString(1, taskId);
                statement.setString(2, owner);
                if (statement.executeUpdate() != 1) {
                    return false;
                }
            }
            jdbc.dialect().notifyWork(connection); // another instance may take it at once
            return true;
        });
    }

    @Override
    public void ping() {
        jdbc.autoCommit(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                return statement.execute("SELECT 1");
            }
        });
    }
}
