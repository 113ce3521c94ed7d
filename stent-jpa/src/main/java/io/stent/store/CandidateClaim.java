package io.stent.store;

import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.FunctionKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The claim on InnoDB (MariaDB, MySQL). A locking scan of the ready-task index would lock, if only
 * for a moment, every row it passes, not-yet-due ones included; another transaction's
 * {@code SKIP LOCKED} would then take such a row for one being claimed, and a signal's wake-up or
 * a cancel would skip it. So the claim first reads due candidates without locking, in claim
 * order, then locks them by key with {@code SKIP LOCKED}, checking that they are still ready and
 * due: only rows it takes are ever locked. Candidates another worker locked first are skipped, and
 * the next ones tried, once.
 */
final class CandidateClaim {

    /** How many candidates are read per task wanted, so that concurrent claims find different ones. */
    private static final int CANDIDATES_PER_TASK = 2;

    private CandidateClaim() {
    }

    /**
     * Claims ready, due tasks in the caller's transaction.
     *
     * @param connection the transaction's connection
     * @param dialect the database's dialect
     * @param owner the worker
     * @param functions the claimable functions
     * @param limit the batch size
     * @param leaseMillis the lease length
     * @return the claimed tasks
     * @throws SQLException on a driver error
     */
    static List<ClaimedTask> claim(Connection connection, Dialect dialect, String owner,
                                   Collection<FunctionKey> functions, int limit, long leaseMillis)
            throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("a claim takes at least one task, not " + limit);
        }
        List<String> candidates = candidates(connection, functions, limit * CANDIDATES_PER_TASK);
        List<String> locked = new ArrayList<>();
        int tried = 0;
        while (locked.size() < limit && tried < candidates.size()) {
            int wanted = Math.min(limit - locked.size(), candidates.size() - tried);
            locked.addAll(lock(connection, candidates.subList(tried, tried + wanted)));
            tried += wanted;
        }
        if (locked.isEmpty()) {
            return List.of();
        }
        return SelectThenUpdateClaim.lease(connection, dialect, owner, locked, leaseMillis);
    }

    private static List<String> candidates(Connection connection, Collection<FunctionKey> functions, int count)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM stent_task"
                + " WHERE status = 'READY' AND run_at <= CURRENT_TIMESTAMP AND "
                        + SqlLists.functionKeys(functions.size())
                + " ORDER BY priority DESC, run_at LIMIT ?")) {
            int index = SqlLists.bindKeys(statement, 1, functions);
            statement.setInt(index, count);
            return ids(statement);
        }
    }

    private static List<String> lock(Connection connection, List<String> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM stent_task WHERE id IN ("
                + SqlLists.placeholders(ids.size()) + ") AND status = 'READY' AND run_at <= CURRENT_TIMESTAMP"
                + " FOR UPDATE SKIP LOCKED")) {
            SqlLists.bind(statement, 1, ids);
            return ids(statement);
        }
    }

    private static List<String> ids(PreparedStatement statement) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
