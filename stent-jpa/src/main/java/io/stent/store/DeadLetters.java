package io.stent.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dead-letter queue: executions that failed for good, with their structured errors. Listing
 * is paged and filtered; replay resumes an execution from its failed step, keeping the steps
 * that completed.
 */
public final class DeadLetters {

    /** What a replay did. */
    public enum ReplayOutcome {
        /** The execution is pending again and resumes from its failed step. */
        REPLAYED,
        /** No such dead letter. */
        NOT_FOUND,
        /** Its execution is no longer failed (replayed already, or removed). */
        NOT_FAILED
    }

    private static final String COLUMNS = "id, execution_id, function_name, queue, error_class, error_message,"
            + " error, attempts, failed_at, replayed_at, replay_count";

    private final Jdbc jdbc;

    DeadLetters(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of dead letters, newest first.
     *
     * @param filter which ones
     * @param limit page size, 1 to 500
     * @param offset rows to skip
     * @return the page
     * @throws IllegalArgumentException for a page out of range
     */
    public List<DeadLetter> list(DeadLetterFilter filter, int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new IllegalArgumentException("STENT-1701 limit must be 1 to 500 and offset at least 0, got limit "
                    + limit + " and offset " + offset);
        }
        Where where = Where.of(filter);
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM stent_dead_letter" + where.sql() + " ORDER BY failed_at DESC, id"
                    + " LIMIT ? OFFSET ?")) {
                int index = where.bind(statement);
                statement.setInt(index++, limit);
                statement.setInt(index, offset);
                return read(statement);
            }
        });
    }

    /**
     * One dead letter.
     *
     * @param id its id
     * @return the dead letter, if it exists
     */
    public Optional<DeadLetter> find(String id) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM stent_dead_letter WHERE id = ?")) {
                statement.setString(1, id);
                return read(statement).stream().findFirst();
            }
        });
    }

    /**
     * Replays one dead letter: its execution becomes PENDING with a new task, its failed step
     * records are removed so those steps run again, and its completed steps are kept.
     *
     * @param id the dead letter
     * @return what the replay did
     */
    public ReplayOutcome replay(String id) {
        return jdbc.inTransaction(connection -> replay(connection, id));
    }

    /**
     * Replays the dead letters a filter matches, oldest first, at most {@code max} of them.
     *
     * @param filter which ones (replayed ones are never replayed again by this call)
     * @param max the most to replay, 1 to 10,000
     * @return how many were replayed
     */
    public int replayMatching(DeadLetterFilter filter, int max) {
        if (max < 1 || max > 10_000) {
            throw new IllegalArgumentException("STENT-1703 max must be 1 to 10000, got " + max);
        }
        DeadLetterFilter pending = new DeadLetterFilter(filter.function(), filter.queue(), filter.errorClass(),
                filter.failedFrom(), filter.failedBefore(), false);
        Where where = Where.of(pending);
        List<String> ids = jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM stent_dead_letter"
                    + where.sql() + " ORDER BY failed_at, id LIMIT ?")) {
                statement.setInt(where.bind(statement), max);
                List<String> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        });
        int replayed = 0;
        for (String id : ids) {
            if (replay(id) == ReplayOutcome.REPLAYED) {
                replayed++;
            }
        }
        return replayed;
    }

    /**
     * Deletes one dead letter (the execution stays, FAILED).
     *
     * @param id the dead letter
     * @return whether it existed
     */
    public boolean delete(String id) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM stent_dead_letter WHERE id = ?")) {
                statement.setString(1, id);
                return statement.executeUpdate() == 1;
            }
        });
    }

    /**
     * Deletes dead letters that failed longer ago than {@code age} (database clock).
     *
     * @param age the age
     * @return how many were deleted
     */
    public int purgeOlderThan(Duration age) {
        if (age.isNegative()) {
            throw new IllegalArgumentException("STENT-1704 age must not be negative, got " + age);
        }
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM stent_dead_letter"
                    + " WHERE failed_at < " + jdbc.dialect().nowPlusMillis())) {
                jdbc.dialect().bindMillis(statement, 1, -age.toMillis());
                return statement.executeUpdate();
            }
        });
    }

    private ReplayOutcome replay(Connection connection, String id) throws SQLException {
        Dialect dialect = jdbc.dialect();
        String executionId;
        String queue;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT execution_id, queue FROM stent_dead_letter WHERE id = ? FOR UPDATE")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return ReplayOutcome.NOT_FOUND;
                }
                executionId = rows.getString(1);
                queue = rows.getString(2);
            }
        }
        String function;
        int version;
        try (PreparedStatement statement = connection.prepareStatement("SELECT function_name, function_version"
                + " FROM stent_execution WHERE id = ? AND status = 'FAILED' FOR UPDATE")) {
            statement.setString(1, executionId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return ReplayOutcome.NOT_FAILED;
                }
                function = rows.getString(1);
                version = rows.getInt(2);
            }
        }
        update(connection, "DELETE FROM stent_step WHERE execution_id = ? AND status = 'FAILED'", executionId);
        update(connection, "UPDATE stent_execution SET status = 'PENDING', error = NULL, result = NULL,"
                + " finished_at = NULL, updated_at = CURRENT_TIMESTAMP WHERE id = ?", executionId);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO stent_task (id, execution_id,"
                + " kind, function_name, function_version, queue, priority, status, run_at, attempt, version,"
                + " created_at) VALUES (?, ?, 'ROOT', ?, ?, ?, 0, 'READY', CURRENT_TIMESTAMP, 0, 1, CURRENT_TIMESTAMP)")) {
            statement.setString(1, UUID.randomUUID().toString());
            statement.setString(2, executionId);
            statement.setString(3, function);
            statement.setInt(4, version);
            statement.setString(5, queue);
            statement.executeUpdate();
        }
        update(connection, "UPDATE stent_dead_letter SET replayed_at = CURRENT_TIMESTAMP,"
                + " replay_count = replay_count + 1 WHERE id = ?", id);
        dialect.notifyWork(connection);
        return ReplayOutcome.REPLAYED;
    }

    private static void update(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }

    private static List<DeadLetter> read(PreparedStatement statement) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                letters.add(new DeadLetter(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getInt(8),
                        rows.getObject(9, OffsetDateTime.class), rows.getObject(10, OffsetDateTime.class),
                        rows.getInt(11)));
            }
        }
        return letters;
    }

    /** A WHERE clause built from a filter, with its parameters. */
    private record Where(String sql, List<Object> parameters) {

        static Where of(DeadLetterFilter filter) {
            List<String> conditions = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            add(conditions, parameters, "function_name = ?", filter.function());
            add(conditions, parameters, "queue = ?", filter.queue());
            add(conditions, parameters, "error_class = ?", filter.errorClass());
            add(conditions, parameters, "failed_at >= ?", filter.failedFrom());
            add(conditions, parameters, "failed_at < ?", filter.failedBefore());
            if (!filter.includeReplayed()) {
                conditions.add("replayed_at IS NULL");
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
        }

        private static void add(List<String> conditions, List<Object> parameters, String condition, Object value) {
            if (value != null) {
                conditions.add(condition);
                parameters.add(value);
            }
        }

        int bind(PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object parameter : parameters) {
                statement.setObject(index++, parameter);
            }
            return index;
        }
    }
}
