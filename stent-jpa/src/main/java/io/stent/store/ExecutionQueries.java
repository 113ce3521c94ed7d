package io.stent.store;

import io.stent.ExecutionStatus;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.StepRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only queries for the admin console: pages of executions, newest first.
 */
public final class ExecutionQueries {

    private final Jdbc jdbc;
    private final JdbcExecutionStore executions;
    private final JdbcStepLog steps;

    ExecutionQueries(Jdbc jdbc, JdbcExecutionStore executions, JdbcStepLog steps) {
        this.jdbc = jdbc;
        this.executions = executions;
        this.steps = steps;
    }

    /**
     * A page of executions, newest first.
     *
     * @param status only this status, or null for all
     * @param limit page size, 1 to 500
     * @param offset rows to skip
     * @return the page
     * @throws IllegalArgumentException for a page size or offset out of range
     */
    public List<ExecutionRecord> list(ExecutionStatus status, int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new IllegalArgumentException("STENT-1701 limit must be 1 to 500 and offset at least 0, got limit "
                    + limit + " and offset " + offset);
        }
        String sql = JdbcExecutionStore.SELECT + (status == null ? "" : " WHERE " + JdbcExecutionStore.STATUS + " = ?")
                + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?";
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                if (status != null) {
                    statement.setString(index++, status.name());
                }
                statement.setInt(index++, limit);
                statement.setInt(index, offset);
                List<ExecutionRecord> page = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        page.add(JdbcExecutionStore.map(rows));
                    }
                }
                return page;
            }
        });
    }

    /**
     * How many tasks are due and wait for a worker (the queue depth, over all queues). It counts
     * the entries of the ready-task index up to now, so it costs in proportion to the backlog:
     * read it every few seconds, not per task.
     *
     * @return the number of due, unclaimed tasks
     */
    public long dueTasks() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM stent_task WHERE status = 'READY' AND run_at <= CURRENT_TIMESTAMP");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /**
     * One execution.
     *
     * @param id the id
     * @return the execution, if it exists
     */
    public Optional<ExecutionRecord> find(String id) {
        return executions.find(id);
    }

    /**
     * The recorded steps of an execution.
     *
     * @param id the execution
     * @return the steps, in the order they finished
     */
    public List<StepRecord> steps(String id) {
        return steps.list(id);
    }
}
