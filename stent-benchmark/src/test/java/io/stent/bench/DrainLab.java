package io.stent.bench;

import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.FunctionKey;
import io.stent.engine.store.NewExecution;
import io.stent.engine.store.Store;
import io.stent.engine.store.TaskCompletion;
import io.stent.it.PostgresDatabase;
import io.stent.store.JdbcStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stent's store alone, without the server, on PostgreSQL: bursts of starts, then drains of them by
 * 16 claimers of 32 with batch completion, on tables as each burst leaves them, beside the
 * plain-JDBC drain floor of the same run; with the claim's query plan at the burst and
 * PostgreSQL's counters. It tells the database's share of W2 from the server's. Run it with
 * {@code ./run-benchmark.sh -o -Dbench.main=io.stent.bench.DrainLab}.
 */
public final class DrainLab {

    private static final int COUNT = Integer.getInteger("bench.w2.count", 20_000);
    private static final int THREADS = Integer.getInteger("bench.inflight", 16);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final boolean COUNTERS = Boolean.parseBoolean(System.getProperty("bench.counters", "true"));
    /** Whether to VACUUM the task table between rounds, as autovacuum does when bursts are a minute apart. */
    private static final boolean VACUUM_BETWEEN = Boolean.getBoolean("bench.vacuumBetween");
    private static final FunctionKey TINY = new FunctionKey("bench.tiny", 1);

    private DrainLab() {
    }

    /**
     * Runs the lab.
     *
     * @param args none
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            org.postgresql.ds.PGSimpleDataSource plain = new org.postgresql.ds.PGSimpleDataSource();
            plain.setUrl(database.jdbcUrl());
            plain.setUser("postgres");
            AtomicReference<String> claimSql = new AtomicReference<>();
            try (PooledDataSource pool = new PooledDataSource(plain, sql -> {
                if (sql.contains("stent_claim(")) {
                    claimSql.set(sql);
                }
            }); JdbcStore jdbcStore = JdbcStore.on(pool)) {
                jdbcStore.migrator().migrate("drain-lab");
                Store store = jdbcStore.store();
                store.wakeups().start(Thread::new, () -> { }, id -> { });
                JdbcFloors floors = new JdbcFloors(database.jdbcUrl());
                floors.createTables();
                for (int round = 1; round <= ROUNDS; round++) {
                    double floor = floors.drain(COUNT, THREADS)[0];
                    double insertFloor = floors.insertPerStep(COUNT, THREADS);
                    double starts = start(store);
                    String plan = claimSql.get() == null ? "(no claim yet)" : explain(pool, claimSql.get());
                    Map<String, Long> before = COUNTERS ? TableCounters.read(pool) : Map.of();
                    double drain = drain(store);
                    Map<String, Object> counters = COUNTERS ? TableCounters.perTask(before, TableCounters.read(pool), COUNT)
                            : Map.of();
                    if (VACUUM_BETWEEN) {
                        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
                            statement.execute("VACUUM stent_task");
                        }
                    }
                    System.out.printf(Locale.ROOT, "round %d: starts %.0f/s (insert floor %.0f/s, ratio %.2f),"
                            + " drain %.0f/s (floor %.0f/s, ratio %.2f)%n",
                            round, starts, insertFloor, starts / insertFloor, drain, floor, drain / floor);
                    System.out.println("  counters " + counters);
                    System.out.println("  claim plan at the burst:\n" + plan);
                }
            }
        }
    }

    private static double start(Store store) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return parallel(COUNT, () -> {
            for (int i = next.getAndIncrement(); i < COUNT; i = next.getAndIncrement()) {
                store.executions().create(new NewExecution(UUID.randomUUID().toString(), TINY.name(), TINY.version(),
                        "default", "[" + i + "]", null, Duration.ZERO, null, null, null, 0, Set.of()));
                store.wakeups().announceWork(); // as the engine does after each start's commit
            }
        });
    }

    private static double drain(Store store) throws Exception {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger worker = new AtomicInteger();
        return parallel(COUNT, () -> {
            String owner = "lab-" + worker.incrementAndGet();
            while (done.get() < COUNT) {
                List<ClaimedTask> tasks = store.claims().claim(owner, List.of(TINY), 32, Duration.ofMinutes(5));
                if (tasks.isEmpty()) {
                    continue;
                }
                List<TaskCompletion.Completion> completions = new ArrayList<>();
                for (ClaimedTask task : tasks) {
                    completions.add(new TaskCompletion.Completion(task, task.arguments()));
                }
                int ended = store.completions().completeAll(completions, owner).size();
                done.addAndGet(ended);
            }
        });
    }

    /**
     * The plan of each statement the claim ran, the function's too, as auto_explain tells it, in a
     * transaction that is rolled back.
     */
    private static String explain(javax.sql.DataSource dataSource, String sql) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (java.sql.Statement settings = connection.createStatement()) {
                settings.execute("LOAD 'auto_explain'");
                settings.execute("SET LOCAL auto_explain.log_min_duration = 0");
                settings.execute("SET LOCAL auto_explain.log_analyze = on");
                settings.execute("SET LOCAL auto_explain.log_buffers = on");
                settings.execute("SET LOCAL auto_explain.log_nested_statements = on");
                settings.execute("SET LOCAL auto_explain.log_level = notice");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, "explain");
                statement.setArray(2, connection.createArrayOf("text", new String[] {TINY.name() + "#" + TINY.version()}));
                statement.setInt(3, 32);
                statement.setDouble(4, 300.0);
                statement.executeQuery().close();
                StringBuilder plan = new StringBuilder();
                for (java.sql.SQLWarning warning = statement.getWarnings(); warning != null;
                     warning = warning.getNextWarning()) {
                    plan.append(warning.getMessage().indent(4));
                }
                return plan.toString();
            } finally {
                connection.rollback();
            }
        }
    }

    private static double parallel(int units, ThrowingRunnable work) throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return units / ((System.nanoTime() - started) / 1e9);
    }

    /** Work that may throw. */
    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
