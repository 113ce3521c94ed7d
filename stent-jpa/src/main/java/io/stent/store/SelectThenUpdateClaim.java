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
 * A claim for databases whose update cannot return the rows it changed (H2): it locks due tasks
 * with {@code FOR UPDATE SKIP LOCKED}, so concurrent claims pass each other, leases them, and reads
 * them back with their executions, in one transaction. {@link #lease} serves MariaDB's claim too.
 */
final class SelectThenUpdateClaim {

    private SelectThenUpdateClaim() {
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
        List<String> ids = new ArrayList<>();
        String pick = "SELECT id FROM stent_task WHERE status = 'READY' AND run_at <= CURRENT_TIMESTAMP"
                + " AND " + SqlLists.functionKeys(functions.size())
                + " ORDER BY priority DESC, run_at LIMIT ? FOR UPDATE SKIP LOCKED";
        try (PreparedStatement statement = connection.prepareStatement(pick)) {
            int index = SqlLists.bindKeys(statement, 1, functions);
            statement.setInt(index, limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return lease(connection, dialect, owner, ids, leaseMillis);
    }

    /**
     * Leases tasks the caller's transaction has locked, and reads them back with their executions.
     *
     * @param connection the transaction's connection
     * @param dialect the database's dialect
     * @param owner the worker
     * @param ids the locked ready tasks
     * @param leaseMillis the lease length
     * @return the claimed tasks
     * @throws SQLException on a driver error
     */
    static List<ClaimedTask> lease(Connection connection, Dialect dialect, String owner, List<String> ids,
                                   long leaseMillis) throws SQLException {
        String in = SqlLists.placeholders(ids.size());
        try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_task SET status = 'RUNNING',"
                + " lease_owner = ?, lease_expires_at = " + dialect.nowPlusMillis() + ", attempt = attempt + 1,"
                + " version = version + 1 WHERE status = 'READY' AND id IN (" + in + ")")) {
            statement.setString(1, owner);
            dialect.bindMillis(statement, 2, leaseMillis);
            SqlLists.bind(statement, 3, ids);
            statement.executeUpdate();
        }
        List<ClaimedTask> tasks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT t.id, t.execution_id,"
                + " t.function_name, t.function_version, t.attempt, e.args, CURRENT_TIMESTAMP, e.deadline_at,"
                + " e.status, e.parent_id, t.version, t.requeues, e.trace_parent"
                + " FROM stent_task t JOIN stent_execution e"
                + " ON e.id = t.execution_id WHERE t.lease_owner = ? AND t.id IN (" + in + ")")) {
            statement.setString(1, owner);
            SqlLists.bind(statement, 2, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tasks.add(ClaimRows.map(rows));
                }
            }
        }
        return tasks;
    }
}
