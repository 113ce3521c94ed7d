package io.stent.store;

import io.stent.engine.store.CheckpointTakenException;
import io.stent.engine.store.LeaseLostException;
import io.stent.engine.store.StepLog;
import io.stent.engine.store.StepRecord;
import io.stent.engine.store.StepStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The step log. A position is written once; a second writer's insert is skipped and it reads
 * the first writer's record instead.
 */
final class JdbcStepLog implements StepLog {

    private static final String COLUMNS = "execution_id, parent_path, seq, function_name, status, args, output,"
            + " attempts, duration_ms";

    private final Jdbc jdbc;
    private final String insert;
    private final String insertWaiting;

    JdbcStepLog(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.insert = "INSERT INTO stent_step (" + COLUMNS + ", finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " CURRENT_TIMESTAMP)" + jdbc.dialect().onConflictDoNothing();
        this.insertWaiting = "INSERT INTO stent_step (" + COLUMNS + ", finished_at, wake_at) VALUES (?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, " + jdbc.dialect().nowPlusMillis() + ")"
                + jdbc.dialect().onConflictDoNothing();
    }

    @Override
    public Optional<StepRecord> find(String executionId, String parentPath, int seq) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + ", wake_at FROM stent_step WHERE execution_id = ? AND parent_path = ? AND seq = ?")) {
                statement.setString(1, executionId);
                statement.setString(2, parentPath);
                statement.setInt(3, seq);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(map(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public StepRecord record(StepRecord record) {
        return insertOnce(record, insert, -1);
    }

    /** On PostgreSQL one statement writes them all; a position another writer took keeps its record. */
    @Override
    public List<StepRecord> recordAll(List<StepRecord> records) {
        if (!(jdbc.dialect() instanceof PostgresDialect) || records.size() < 2 || records.stream()
                .map(r -> key(r.executionId(), r.parentPath(), r.seq())).distinct().count() < records.size()) {
            return StepLog.super.recordAll(records); // a position twice: each learns who wrote it first
        }
        java.util.Set<String> inserted = jdbc.autoCommit(connection -> {
            Object[][] columns = new Object[9][records.size()];
            for (int i = 0; i < records.size(); i++) {
                StepRecord record = records.get(i);
                columns[0][i] = record.executionId();
                columns[1][i] = record.parentPath();
                columns[2][i] = record.seq();
                columns[3][i] = record.functionName();
                columns[4][i] = record.status().name();
                columns[5][i] = record.arguments();
                columns[6][i] = record.output();
                columns[7][i] = record.attempts();
                columns[8][i] = record.durationMillis();
            }
            String[] types = {"varchar", "varchar", "integer", "varchar", "varchar", "text", "text", "integer", "bigint"};
            return PgColumns.run(connection, INSERT_ALL, types, columns,
                    row -> key(row.getString(1), row.getString(2), row.getInt(3)));
        });
        List<StepRecord> stored = new ArrayList<>(records.size());
        for (StepRecord record : records) {
            stored.add(inserted.contains(key(record.executionId(), record.parentPath(), record.seq())) ? record
                    : find(record.executionId(), record.parentPath(), record.seq()).orElseThrow(() -> new StoreException(
                    StoreMessages.STEP_RECORD_LOST.format(record.parentPath(), record.seq(), record.executionId()),
                    null)));
        }
        return stored;
    }

    private static final String INSERT_ALL = "INSERT INTO stent_step (" + COLUMNS + ", finished_at)"
            + " SELECT *, CURRENT_TIMESTAMP FROM unnest(?::varchar[], ?::varchar[], ?::integer[], ?::varchar[],"
            + " ?::varchar[], ?::text[], ?::text[], ?::integer[], ?::bigint[])"
            + " ON CONFLICT DO NOTHING RETURNING execution_id, parent_path, seq";

    private static String key(String executionId, String parentPath, int seq) {
        return executionId + '/' + parentPath + '/' + seq;
    }

    @Override
    public StepRecord recordInCurrentTransaction(StepRecord record, String leaseOwner) {
        return jdbc.joined(connection -> {
            if (leaseOwner != null) {
                holdLease(connection, record.executionId(), leaseOwner);
            }
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                bindRecord(statement, record);
                if (statement.executeUpdate() == 1) {
                    return record;
                }
            } catch (SQLException e) {
                if (!jdbc.isUniqueViolation(e)) {
                    throw e;
                }
            }
            throw new CheckpointTakenException(record.position(), record.executionId());
        });
    }

    /**
     * Locks the execution's task row as long as it is held by {@code owner}, until the transaction
     * ends: no other worker can take the task over between this check and the commit.
     */
    private void holdLease(java.sql.Connection connection, String executionId, String owner) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM stent_task"
                + " WHERE execution_id = ? AND lease_owner = ? AND status = 'RUNNING'"
                + jdbc.dialect().lockForCheck())) {
            statement.setString(1, executionId);
            statement.setString(2, owner);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new LeaseLostException(executionId, owner);
                }
            }
        }
    }

    @Override
    public StepRecord recordWaiting(StepRecord record, Duration wait) {
        return insertOnce(record, insertWaiting, wait.toMillis());
    }

    private StepRecord insertOnce(StepRecord record, String sql, long waitMillis) {
        boolean inserted = jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bindRecord(statement, record);
                if (waitMillis >= 0) {
                    jdbc.dialect().bindMillis(statement, 10, waitMillis);
                }
                return statement.executeUpdate() == 1;
            } catch (SQLException e) {
                if (jdbc.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        });
        if (inserted && waitMillis < 0) {
            return record;
        }
        return find(record.executionId(), record.parentPath(), record.seq()).orElseThrow(() -> new StoreException(
                StoreMessages.STEP_RECORD_LOST.format(record.parentPath(), record.seq(), record.executionId()), null));
    }

    private static void bindRecord(PreparedStatement statement, StepRecord record) throws SQLException {
        statement.setString(1, record.executionId());
        statement.setString(2, record.parentPath());
        statement.setInt(3, record.seq());
        statement.setString(4, record.functionName());
        statement.setString(5, record.status().name());
        statement.setString(6, record.arguments());
        statement.setString(7, record.output());
        statement.setInt(8, record.attempts());
        statement.setLong(9, record.durationMillis());
    }

    @Override
    public boolean resolve(String executionId, String parentPath, int seq, StepStatus status, String output) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_step SET status = ?,"
                    + " output = ?, finished_at = CURRENT_TIMESTAMP WHERE execution_id = ? AND parent_path = ?"
                    + " AND seq = ? AND status = 'WAITING'")) {
                statement.setString(1, status.name());
                statement.setString(2, output);
                statement.setString(3, executionId);
                statement.setString(4, parentPath);
                statement.setInt(5, seq);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<StepRecord> list(String executionId) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + ", wake_at FROM stent_step WHERE execution_id = ? ORDER BY finished_at, parent_path, seq")) {
                statement.setString(1, executionId);
                List<StepRecord> records = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        records.add(map(rows));
                    }
                }
                return records;
            }
        });
    }

    private static StepRecord map(ResultSet rows) throws SQLException {
        return new StepRecord(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                StepStatus.valueOf(rows.getString(5)), rows.getString(6), rows.getString(7), rows.getInt(8),
                rows.getLong(9), rows.getObject(10, OffsetDateTime.class));
    }
}
