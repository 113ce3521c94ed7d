package io.stent.store;

import io.stent.engine.store.WorkerRecord;
import io.stent.engine.store.WorkerRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * The worker registry in {@code stent_worker}. Taking a dead worker's tasks over gives their
 * attempts back, like the recovery of expired leases.
 */
final class JdbcWorkerRegistry implements WorkerRegistry {

    private static final String COLUMNS = "id, host, pid, process_started_at, lock_key, heartbeat_at, stopped_at";

    private static final String REQUEUE_OWNED = "UPDATE stent_task SET status = 'READY', lease_owner = NULL,"
            + " lease_expires_at = NULL, attempt = CASE WHEN attempt > 0 THEN attempt - 1 ELSE 0 END,"
            + " requeues = requeues + 1, version = version + 1 WHERE lease_owner = ? AND status = 'RUNNING'";

    private final Jdbc jdbc;
    private final javax.sql.DataSource dataSource;

    JdbcWorkerRegistry(Jdbc jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public int register(WorkerRecord worker) {
        return jdbc.inTransaction(connection -> {
            int requeued = requeueOwnedBy(connection, worker.id());
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM stent_worker WHERE id = ?")) {
                delete.setString(1, worker.id());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stent_worker (id, host, pid,"
                    + " process_started_at, lock_key, started_at, heartbeat_at, functions, queues, tags, stent_version)"
                    + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, ?)")) {
                insert.setString(1, worker.id());
                insert.setString(2, worker.host());
                insert.setLong(3, worker.pid());
                insert.setObject(4, worker.processStartedAt());
                insert.setLong(5, worker.lockKey());
                insert.setString(6, worker.functionsText());
                insert.setString(7, worker.queuesText());
                insert.setString(8, worker.tagsText());
                insert.setString(9, worker.stentVersion());
                insert.executeUpdate();
            }
            return requeued;
        });
    }

    private int requeueOwnedBy(Connection connection, String owner) throws SQLException {
        int requeued;
        try (PreparedStatement statement = connection.prepareStatement(REQUEUE_OWNED)) {
            statement.setString(1, owner);
            requeued = statement.executeUpdate();
        }
        if (requeued > 0) {
            jdbc.dialect().notifyWork(connection);
        }
        return requeued;
    }

    @Override
    public AutoCloseable holdSessionLock(long lockKey, ThreadFactory threads) {
        return jdbc.dialect().holdSessionLock(dataSource, lockKey, threads);
    }

    @Override
    public void beat(String workerId) {
        jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(jdbc.dialect().heartbeatStatement())) {
                statement.setString(1, workerId);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public void deregister(String workerId) {
        jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_worker SET"
                    + " stopped_at = CURRENT_TIMESTAMP, heartbeat_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                statement.setString(1, workerId);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public List<WorkerRecord> silentWithTasks(String self, Duration silence) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM stent_worker w"
                    + " WHERE w.id <> ? AND (w.stopped_at IS NOT NULL OR w.heartbeat_at < "
                    + jdbc.dialect().nowPlusMillis() + ") AND EXISTS (SELECT 1 FROM stent_task t"
                    + " WHERE t.lease_owner = w.id AND t.status = 'RUNNING')")) {
                statement.setString(1, self);
                jdbc.dialect().bindMillis(statement, 2, -silence.toMillis());
                List<WorkerRecord> workers = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        workers.add(new WorkerRecord(rows.getString(1), rows.getString(2), rows.getLong(3),
                                time(rows, 4), rows.getLong(5), time(rows, 6), time(rows, 7), null, null, null, null));
                    }
                }
                return workers;
            }
        });
    }

    private static OffsetDateTime time(ResultSet rows, int column) throws SQLException {
        java.sql.Timestamp timestamp = rows.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    @Override
    public int recoverIfDead(WorkerRecord worker, boolean knownDead) {
        return jdbc.inTransaction(connection -> {
            if (!knownDead && !jdbc.dialect().sessionLockFree(connection, worker.lockKey())) {
                return -1;
            }
            int requeued = requeueOwnedBy(connection, worker.id());
            try (PreparedStatement statement = connection.prepareStatement("UPDATE stent_worker SET"
                    + " stopped_at = COALESCE(stopped_at, CURRENT_TIMESTAMP) WHERE id = ?")) {
                statement.setString(1, worker.id());
                statement.executeUpdate();
            }
            return requeued;
        });
    }

    @Override
    public int forgetOlderThan(Duration age) {
        return jdbc.autoCommit(connection -> {
            // No alias on the deleted table: MariaDB before 11.6 refuses one in a single-table DELETE.
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM stent_worker"
                    + " WHERE COALESCE(stopped_at, heartbeat_at) < " + jdbc.dialect().nowPlusMillis()
                    + " AND NOT EXISTS (SELECT 1 FROM stent_task t WHERE t.lease_owner = stent_worker.id"
                    + " AND t.status = 'RUNNING')")) {
                jdbc.dialect().bindMillis(statement, 1, -age.toMillis());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public java.util.Map<io.stent.engine.store.FunctionKey, Long> waitingByFunction() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT function_name, function_version,"
                    + " COUNT(*) FROM stent_task WHERE status = 'READY' GROUP BY function_name, function_version");
                 ResultSet rows = statement.executeQuery()) {
                java.util.Map<io.stent.engine.store.FunctionKey, Long> counts = new java.util.HashMap<>();
                while (rows.next()) {
                    counts.put(new io.stent.engine.store.FunctionKey(rows.getString(1), rows.getInt(2)),
                            rows.getLong(3));
                }
                return counts;
            }
        });
    }

    @Override
    public java.util.Set<io.stent.engine.store.FunctionKey> liveFunctions(Duration liveWithin) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT functions FROM stent_worker"
                    + " WHERE stopped_at IS NULL AND heartbeat_at > " + jdbc.dialect().nowPlusMillis())) {
                jdbc.dialect().bindMillis(statement, 1, -liveWithin.toMillis());
                java.util.Set<io.stent.engine.store.FunctionKey> functions = new java.util.HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String text = rows.getString(1);
                        for (String key : text == null ? new String[0] : text.split("\\|")) {
                            int at = key.lastIndexOf('@');
                            if (at > 0) {
                                functions.add(new io.stent.engine.store.FunctionKey(key.substring(0, at),
                                        Integer.parseInt(key.substring(at + 1))));
                            }
                        }
                    }
                }
                return functions;
            }
        });
    }
}
