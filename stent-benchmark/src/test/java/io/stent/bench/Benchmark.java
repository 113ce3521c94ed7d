package io.stent.bench;

import io.stent.it.PayaraProcess;
import io.stent.it.PostgresDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W1: 2,000 workflows of 10 trivial steps, 16 in flight, on PostgreSQL, in Payara Micro; beside
 * two plain-JDBC floors measured in the same run on the same database. Prints steps per second
 * and the ratios. Run it with {@code ./run-benchmark.sh}.
 */
public final class Benchmark {

    private static final int WORKFLOWS = Integer.getInteger("bench.workflows", 2000);
    private static final int IN_FLIGHT = Integer.getInteger("bench.inflight", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);

    private Benchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args none
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.work", "target/bench-work"));
        Files.createDirectories(work);
        try (PostgresDatabase database = PostgresDatabase.create()) {
            JdbcFloors floors = new JdbcFloors(database.jdbcUrl());
            floors.createTables();
            floors.insertPerStep(2000, IN_FLIGHT);
            double insertFloor = floors.insertPerStep(WORKFLOWS * 10, IN_FLIGHT);
            double workflowFloor = floors.workflowShaped(WORKFLOWS, IN_FLIGHT);

            List<String> payaraArgs = new ArrayList<>(database.payaraArguments(work));
            payaraArgs.addAll(List.of("--deploy", System.getProperty("bench.war", "target/bench.war")));
            Map<String, String> env = Map.of("STENT_DATASOURCE", "jdbc/stent",
                    "STENT_WORKER_THREADS", Integer.toString(IN_FLIGHT));
            double stent;
            try (PayaraProcess server = PayaraProcess.start(work.resolve("root-" + System.nanoTime()),
                    work.resolve("payara.log"), env, payaraArgs)) {
                server.awaitBody("/bench/api/bench/ready", body -> body.contains("yes"), Duration.ofMinutes(5));
                runW1(server, WARMUP);
                stent = runW1(server, WORKFLOWS);
            }
            System.out.println();
            System.out.println("W1: " + WORKFLOWS + " workflows x 10 steps, " + IN_FLIGHT + " in flight, PostgreSQL");
            System.out.printf(Locale.ROOT, "  Stent on Payara Micro        %10.0f steps/s%n", stent);
            System.out.printf(Locale.ROOT, "  floor: insert per step       %10.0f steps/s   ratio %.2f%n", insertFloor,
                    stent / insertFloor);
            System.out.printf(Locale.ROOT, "  floor: workflow-shaped       %10.0f steps/s   ratio %.2f%n", workflowFloor,
                    stent / workflowFloor);
        }
    }

    private static double runW1(PayaraProcess server, int workflows) throws Exception {
        var response = server.call("POST", "/bench/api/bench/w1?workflows=" + workflows + "&inflight=" + IN_FLIGHT);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("benchmark run failed: " + response.body() + "\n" + server.logTail());
        }
        Matcher matcher = Pattern.compile("\"stepsPerSecond\":([0-9.Ee+-]+)").matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + response.body());
        }
        return Double.parseDouble(matcher.group(1));
    }
}
