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
