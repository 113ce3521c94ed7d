package io.stent.store;

import io.stent.ExecutionStatus;
import io.stent.engine.store.TaskCompletion.Completion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's batch completion of executions without a parent: one statement takes the tasks,
 * ends the executions and tells the waiters, in one commit.
 */
final class PgBatchCompletion {

    /** The most completions one statement ends: their ids must fit one notification's 8000 bytes. */
    private static final int MAX = 200;
    static final String STATEMENT = "WITH input AS (SELECT * FROM unnest(?::varchar[],"
            + " ?::text[], ?::timestamptz[]) AS i(task_id, result, claimed_at)),"
            // Each task is found by its key. The status test names a collation other than the
            // column's ("POSIX" sorts like the column's "C", but is another collation), so the
            // planner cannot match it with the predicate of the running-task index and scan that
            // index instead: it still holds every task finished since the last vacuum, and
            // scanning it cost more.
            // The taken rows carry their input along, so the input is not joined a second time
            // (that join compared every task id with every other).
            + " taken AS (DELETE FROM stent_task t USING input i WHERE t.id = i.task_id AND t.lease_owner = ?"
            + " AND t.status = 'RUNNING' COLLATE \"POSIX\""
            + " RETURNING t.id, t.execution_id, t.attempt, i.result, i.claimed_at),"
            + " ended AS (UPDATE stent_execution e SET status = CASE WHEN e.status = 'CANCELLING' THEN 'CANCELLED'"
            + " ELSE 'COMPLETED' END, result = k.result, error = NULL, attempts = k.attempt,"
            + " started_at = COALESCE(e.started_at, k.claimed_at), finished_at = CURRENT_TIMESTAMP,"
            + " updated_at = CURRENT_TIMESTAMP FROM taken k"
            + " WHERE e.id = k.execution_id RETURNING k.id AS task_id, e.id, e.status, e.awaited),"
            // Only awaited executions are announced: a transaction that notifies holds a lock that
            // serializes all notifying commits, so completions nobody waits for skip it.
            + " told AS (SELECT pg_notify('" + PgNotificationListener.FINISHED + "', a.ids) AS sent FROM"
            + " (SELECT string_agg(id, ',') FILTER (WHERE awaited) AS ids FROM ended) a WHERE a.ids IS NOT NULL)"
            + " SELECT task_id, status, (SELECT count(*) FROM told) FROM ended";

    private PgBatchCompletion() {
    }

    /**
     * Completes the batch in one statement, or returns null when the batch does not qualify (too
     * large, or an execution has a parent to wake), for the general path.
     *
     * @param jdbc the connections
     * @param completions the completions
     * @param owner the worker holding the leases
     * @return the ended executions' statuses by task id, or null
     */
    static Map<String, ExecutionStatus> complete(Jdbc jdbc, List<Completion> completions, String owner) {
        if (completions.size() > MAX || completions.stream().anyMatch(c -> c.task().parentId() != null)) {
            return null;
        }
        return jdbc.autoCommit(connection -> run(connection, completions, owner));
    }

    private static Map<String, ExecutionStatus> run(
            Connection connection, List<Completion> completions, String owner) throws SQLException {
        String[] taskIds = new String[completions.size()];
        String[] results = new String[completions.size()];
        String[] claimedAt = new String[completions.size()];
        for (int i = 0; i < taskIds.length; i++) {
            taskIds[i] = completions.get(i).task().id();
            results[i] = completions.get(i).result();
            OffsetDateTime claimed = completions.get(i).task().claimedAt();
            claimedAt[i] = claimed == null ? null : claimed.toString();
        }
        try (PreparedStatement statement = connection.prepareStatement(STATEMENT)) {
            statement.setArray(1, connection.createArrayOf("varchar", taskIds));
            statement.setArray(2, connection.createArrayOf("text", results));
            statement.setArray(3, connection.createArrayOf("text", claimedAt));
            statement.setString(4, owner);
            Map<String, ExecutionStatus> ended = new HashMap<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ended.put(rows.getString(1), ExecutionStatus.valueOf(rows.getString(2)));
                }
            }
            return ended;
        }
    }

}
