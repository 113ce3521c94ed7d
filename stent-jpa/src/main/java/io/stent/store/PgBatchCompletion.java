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
 * PostgreSQL's batch completion of executions without a parent: one statement (the function
 * {@code stent_complete}) takes the tasks, ends the executions and tells the waiters, in one commit.
 */
final class PgBatchCompletion {

    /** The most completions one statement ends: their ids must fit one notification's 8000 bytes. */
    private static final int MAX = 200;
    /**
     * The function {@code stent_complete} (schema V19) takes the tasks by key, ends the executions
     * and announces the awaited ones. Prepared, this statement was planned once while the task
     * table was small (a sequential scan of it per batch) and kept that plan as the table grew; the
     * function is planned at each call, by key whatever the statistics say.
     */
    static final String STATEMENT = "SELECT * FROM stent_complete(?::varchar[], ?::text[], ?::timestamptz[], ?)";

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
