package io.stent.bench;

import io.stent.it.PayaraProcess;
import io.stent.it.PostgresDatabase;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * W5, flat at scale, on PostgreSQL in Payara Micro, warm: starts, drains (claims and completions)
 * and 10-step workflows on an empty database, then the same with 1,000,000 completed executions
 * and their 10,000,000 steps in the tables; and then 10,000 workflows asleep at once, with the
 * heap and the threads they hold. Run it with {@code ./run-benchmark.sh -Dbench.main=io.stent.bench.Scale}.
 */
public final class Scale {

    private static final int IN_FLIGHT = Integer.getInteger("bench.inflight", 16);
    private static final int COUNT = Integer.getInteger("bench.w2.count", 20_000);
    private static final int WORKFLOWS = Integer.getInteger("bench.workflows", 5_000);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 2);
    private static final int SLEEPERS = Integer.getInteger("bench.sleepers", 10_000);

    private Scale() {
    }

    /** Starts, drain and workflow rates of one round. */
    private record Round(double[] starts, double[] drains, double[] steps) {
    }

    /**
     * Runs the scale benchmark.
     *
     * @param args none
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work"));
        Files.createDirectories(work);
        try (PostgresDatabase database = PostgresDatabase.create()) {
            List<String> payaraArgs = new ArrayList<>(database.payaraArguments(work));
            payaraArgs.addAll(List.of("--deploy", System.getProperty("bench.war", "target/bench.war")));
            Map<String, String> env = Map.of("STENT_DATASOURCE", "jdbc/stent",
                    "STENT_WORKER_THREADS", Integer.toString(IN_FLIGHT));
            try (PayaraProcess server = PayaraProcess.start(work.resolve("root-" + System.nanoTime()),
                    work.resolve("payara.log"), env, payaraArgs)) {
                server.awaitBody("/bench/api/bench/ready", body -> body.contains("yes"), Duration.ofMinutes(5));
                System.out.println("scale: warm-up");
                for (int i = 0; i < 4; i++) {
                    Benchmark.runW1(server, 5_000);
                    Benchmark.runW2(server, COUNT, false, 1, false);
                }
                System.out.println("scale: empty database");
                Round empty = round(server);
                System.out.println("scale: seeding 1,000,000 completed executions with 10 steps each");
                long seeding = System.nanoTime();
                seed(database.jdbcUrl());
                double seeded = (System.nanoTime() - seeding) / 1e9;
                System.out.println("scale: 1,000,000 executions in the tables");
                Round full = round(server);
                System.out.println("scale: " + SLEEPERS + " sleeping workflows");
                String before = Benchmark.call(server, "/bench/api/bench/heap");
                String slept = Benchmark.call(server, "/bench/api/bench/sleepers?count=" + SLEEPERS);
                String after = Benchmark.call(server, "/bench/api/bench/heap");

                System.out.println();
                System.out.printf(Locale.ROOT, "W5: PostgreSQL, warm (4 rounds of 5,000 workflows and a %d-drain first);"
                        + " the seed took %.0f s and ended with a VACUUM ANALYZE of the seeded tables%n", COUNT, seeded);
                line("starts/s (Stent.start, 16 threads)", empty.starts(), full.starts());
                line("drain/s (claim + completion)", empty.drains(), full.drains());
                line("W1 steps/s (10-step workflows)", empty.steps(), full.steps());
                double heapMb = (Benchmark.number(after, "heapBytes") - Benchmark.number(before, "heapBytes")) / 1e6;
                System.out.printf(Locale.ROOT, "  %d workflows asleep at once (suspended in %.1f s): heap %+.1f MB after"
                        + " a full collection, threads %+.0f%n", SLEEPERS, Benchmark.number(slept, "millis") / 1000,
                        heapMb, Benchmark.number(after, "threads") - Benchmark.number(before, "threads"));
            }
        }
    }

    private static Round round(PayaraProcess server) throws Exception {
        double[] starts = new double[REPEATS];
        double[] drains = new double[REPEATS];
        double[] steps = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            String w2 = Benchmark.runW2(server, COUNT, false, 1, false);
            starts[i] = Benchmark.number(w2, "startsPerSecond");
            drains[i] = Benchmark.number(w2, "perSecond");
            steps[i] = Benchmark.runW1(server, WORKFLOWS);
        }
        return new Round(starts, drains, steps);
    }

    /** Prints a figure empty and full, and the cost ratio (empty rate / full rate: 1.2 is 20 % dearer). */
    private static void line(String what, double[] empty, double[] full) {
        double cost = Benchmark.mean(empty) / Benchmark.mean(full);
        System.out.printf(Locale.ROOT, "  %-38s empty %8.0f %s, 1M rows %8.0f %s, cost at 1M / empty %.2f%n", what,
                Benchmark.mean(empty), Benchmark.runs(empty), Benchmark.mean(full), Benchmark.runs(full), cost);
    }

    private static void seed(String jdbcUrl) throws Exception {
        String script;
        try (InputStream in = Scale.class.getResourceAsStream("scale-seed.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                String code = sql.lines().filter(line -> !line.startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
                if (!code.isBlank()) {
                    statement.execute(code);
                }
            }
        }
    }
}
