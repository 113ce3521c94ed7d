package io.stent.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the database alone can do, measured with plain JDBC: the floors Stent's figures are
 * compared with.
 */
final class JdbcFloors {

    private final String url;

    JdbcFloors(String url) {
        this.url = url;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    void createTables() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE floor_step (id BIGSERIAL PRIMARY KEY, workflow_id BIGINT,"
                    + " seq INT, output TEXT, finished_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP)");
            statement.execute("CREATE TABLE floor_workflow (id BIGSERIAL PRIMARY KEY, status VARCHAR(16),"
                    + " created_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP)");
            statement.execute("CREATE TABLE floor_task (id BIGSERIAL PRIMARY KEY, status VARCHAR(16) NOT NULL,"
                    + " run_at TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP)");
            statement.execute("CREATE INDEX floor_task_ready ON floor_task (run_at) WHERE status = 'READY'");
        }
    }

    /** One committed insert per step, {@code threads} connections. Returns steps per second. */
    double insertPerStep(int steps, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return run(threads, steps, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO floor_step (workflow_id, seq, output) VALUES (?, ?, ?)")) {
                for (int i = next.getAndIncrement(); i < steps; i = next.getAndIncrement()) {
                    insert.setLong(1, i / 10);
                    insert.setInt(2, i % 10);
                    insert.setString(3, Integer.toString(i));
                    insert.executeUpdate();
                }
            }
        });
    }

    /**
     * {@code rows} inserts in transactions of {@code batch} rows sent as one JDBC batch,
     * {@code threads} connections. Returns rows per second.
     */
    double insertBatched(int rows, int threads, int batch) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return run(threads, rows, connection -> {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO floor_step (workflow_id, seq, output) VALUES (?, ?, ?)")) {
                for (int i = next.getAndAdd(batch); i < rows; i = next.getAndAdd(batch)) {
                    for (int n = i; n < Math.min(rows, i + batch); n++) {
                        insert.setLong(1, n / 10);
                        insert.setInt(2, n % 10);
                        insert.setString(3, Integer.toString(n));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
        });
    }

    /**
     * Per workflow: insert a row, insert ten step rows, mark it done, each its own commit;
     * {@code threads} workflows in flight. Returns steps per second.
     */
    double workflowShaped(int workflows, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return run(threads, workflows * 10, connection -> {
            try (PreparedStatement workflow = connection.prepareStatement(
                         "INSERT INTO floor_workflow (status) VALUES ('RUNNING') RETURNING id");
                 PreparedStatement step = connection.prepareStatement(
                         "INSERT INTO floor_step (workflow_id, seq, output) VALUES (?, ?, ?)");
                 PreparedStatement done = connection.prepareStatement(
                         "UPDATE floor_workflow SET status = 'COMPLETED' WHERE id = ?")) {
                for (int w = next.getAndIncrement(); w < workflows; w = next.getAndIncrement()) {
                    long id;
                    try (var rows = workflow.executeQuery()) {
                        rows.next();
                        id = rows.getLong(1);
                    }
                    for (int s = 0; s < 10; s++) {
                        step.setLong(1, id);
                        step.setInt(2, s);
                        step.setString(3, Integer.toString(s));
                        step.executeUpdate();
                    }
                    done.setLong(1, id);
                    done.executeUpdate();
                }
            }
        });
    }

    /**
     * W2 floor: {@code count} ready rows drained by {@code threads} workers, each claiming 32 rows per
     * transaction with SKIP LOCKED and marking them done in that transaction. Returns {rows per
     * second, machine CPU milliseconds per 1,000 rows (NaN where unknown)}.
     */
    double[] drain(int count, int threads) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // as a burst leaves the table: no VACUUM, no ANALYZE (Stent's drain gets none either)
            statement.execute("INSERT INTO floor_task (status) SELECT 'READY' FROM generate_series(1, " + count + ")");
        }
        java.util.Optional<MachineCpu> before = MachineCpu.read();
        double rowsPerSecond = run(threads, count, connection -> {
            connection.setAutoCommit(false);
            try (PreparedStatement claim = connection.prepareStatement("UPDATE floor_task SET status = 'DONE'"
                    + " WHERE id IN (SELECT id FROM floor_task WHERE status = 'READY' ORDER BY run_at LIMIT 32"
                    + " FOR UPDATE SKIP LOCKED)")) {
                while (claim.executeUpdate() > 0) {
                    connection.commit();
                }
                connection.commit();
            }
        });
        double cpuPerThousand = before.flatMap(b -> MachineCpu.read().map(after -> after.since(b)))
                .map(cpu -> cpu.busyMillis() * 1000.0 / count).orElse(Double.NaN);
        return new double[] {rowsPerSecond, cpuPerThousand};
    }

    /**
     * W3 floor: a listening worker blocked on LISTEN; per sample the starter inserts a ready row
     * and NOTIFYs in one transaction, and the worker claims it with SKIP LOCKED on the wake-up.
     * Returns {p50, p99} in milliseconds from the start's commit call to the claim.
     */
    double[] wakeAndClaim(int samples) throws Exception {
        try (Connection listener = connect(); Connection starter = connect()) {
            try (Statement statement = listener.createStatement()) {
                statement.execute("LISTEN floor_work");
            }
            org.postgresql.PGConnection postgres = listener.unwrap(org.postgresql.PGConnection.class);
            List<Double> latencies = new ArrayList<>();
            try (PreparedStatement claim = listener.prepareStatement("UPDATE floor_task SET status = 'DONE'"
                    + " WHERE id IN (SELECT id FROM floor_task WHERE status = 'READY' LIMIT 1 FOR UPDATE SKIP LOCKED)")) {
                for (int i = 0; i < samples; i++) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                    long started = System.nanoTime();
                    starter.setAutoCommit(false);
                    try (Statement statement = starter.createStatement()) {
                        statement.execute("INSERT INTO floor_task (status) VALUES ('READY')");
                        statement.execute("NOTIFY floor_work");
                    }
                    starter.commit();
                    while (postgres.getNotifications(10_000) == null) {
                        Thread.onSpinWait();
                    }
                    claim.executeUpdate();
                    latencies.add((System.nanoTime() - started) / 1e6);
                }
            }
            java.util.Collections.sort(latencies);
            return new double[] {latencies.get(samples / 2),
                    latencies.get(Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1))};
        }
    }

    /** Work done on one connection in auto-commit mode. */
    @FunctionalInterface
    interface Load {
        void run(Connection connection) throws Exception;
    }

    private double run(int threads, int steps, Load load) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            connections.add(connect());
        }
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long started = System.nanoTime();
        for (Connection connection : connections) {
            Thread worker = new Thread(() -> {
                try {
                    load.run(connection);
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Connection connection : connections) {
            connection.close();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return steps / seconds;
    }
}
