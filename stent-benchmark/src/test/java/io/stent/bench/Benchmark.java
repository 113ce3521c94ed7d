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
 * W1: 10,000 workflows of 10 trivial steps, 16 in flight, on PostgreSQL, in Payara Micro, after a
 * warm-up of 20,000; beside two plain-JDBC floors measured in the same run on the same database.
 * W2: a drain of 20,000 tiny executions started while the worker holds its claims, after three warm-up drains of as
 * many, on tables as the burst leaves them (and once more after a VACUUM ANALYZE, beside it); W0: the starts of that
 * burst, beside one-row inserts; W4: the same burst started in batches ({@code Stent.startAll}), beside JDBC batch
 * inserts; W3: start latency, cold (the first starts after the deploy) and warm (after W1 and W2). W1, W2 and W3
 * also run once right after the deploy, before any warm-up (the cold figures).
 * Prints the figures and the ratios. Run it with {@code ./run-benchmark.sh}.
 */
public final class Benchmark {

    private static final int WORKFLOWS = Integer.getInteger("bench.workflows", 10_000);
    private static final int IN_FLIGHT = Integer.getInteger("bench.inflight", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20_000);
    private static final int W2_COUNT = Integer.getInteger("bench.w2.count", 20_000);
    private static final int W2_WARMUP = Integer.getInteger("bench.w2.warmup", 20_000);
    private static final int W2_WARMUP_RUNS = Integer.getInteger("bench.w2.warmupRuns", 3);
    private static final int W3_SAMPLES = Integer.getInteger("bench.w3.samples", 200);
    private static final int W3_COLD_SAMPLES = Integer.getInteger("bench.w3.coldSamples", 20);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 2);
    private static final int COLD_W1 = Integer.getInteger("bench.cold.workflows", 1000);
    /** The cold figures are those reached this long after the deploy (issue 14: 30 s). */
    private static final int COLD_SECONDS = Integer.getInteger("bench.cold.seconds", 30);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);

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
            // The floors run before and after Stent; their mean is the reference, so that a drift in
            // the machine's load during the run weighs on both sides alike.
            double[] insertFloors = new double[2];
            double[] workflowFloors = new double[2];
            // W2's floor runs between Stent's drains (while Stent idles), so that each Stent drain
            // has floor runs just before and after it on a machine whose speed drifts.
            double[] drainFloors = new double[REPEATS + 1];
            double[] drainFloorCpu = new double[REPEATS + 1];
            insertFloors[0] = floors.insertPerStep(WORKFLOWS * 10, IN_FLIGHT);
            workflowFloors[0] = floors.workflowShaped(WORKFLOWS, IN_FLIGHT);
            double[] wakeFloor = floors.wakeAndClaim(W3_SAMPLES);

            List<String> payaraArgs = new ArrayList<>(database.payaraArguments(work));
            payaraArgs.addAll(List.of("--deploy", System.getProperty("bench.war", "target/bench.war")));
            Map<String, String> env = new java.util.HashMap<>(Map.of("STENT_DATASOURCE", "jdbc/stent",
                    "STENT_WORKER_THREADS", Integer.toString(IN_FLIGHT)));
            String jvmOptions = System.getProperty("bench.jvmOptions", "");
            if (!jvmOptions.isBlank()) {
                env.put("JDK_JAVA_OPTIONS", jvmOptions);
            }
            double[] stentRuns = new double[REPEATS];
            double[] drainRuns = new double[REPEATS];
            double[] vacuumedDrainRuns = new double[REPEATS];
            double[] quietDrainRuns = new double[REPEATS];
            String lastDrain = "";
            double[][] drainCpu = new double[REPEATS][];
            double[] stentStart;
            double[] coldStart;
            double[] startRuns = new double[REPEATS];
            double[] batchStartRuns = new double[REPEATS];
            double[] startFloors = new double[REPEATS * 2];
            double[] batchFloors = new double[REPEATS * 2];
            double coldW1;
            List<String> coldW1Runs = new ArrayList<>();
            double coldDrain;
            double coldStarts;
            double coldW1At;
            double coldW2At;
            try (PayaraProcess server = PayaraProcess.start(work.resolve("root-" + System.nanoTime()),
                    work.resolve("payara.log"), env, payaraArgs)) {
                server.awaitBody("/bench/api/bench/ready", body -> body.contains("yes"), Duration.ofMinutes(5));
                long deployed = System.nanoTime();
                // A user's first minutes after a deploy count too: start latency, a W1 and a W2
                // before any warm-up, each with the time since the deploy at its end.
                System.out.println("benchmark: W3, W1 and W2 cold");
                String w3Cold = call(server, "/bench/api/bench/w3?samples=" + W3_COLD_SAMPLES);
                coldStart = new double[] {number(w3Cold, "p50"), number(w3Cold, "p99")};
                // W1 in runs of 1,000 workflows from the deploy on, until W2's drain would end near 30 s
                // after it: the cold W1 figure is the last of those runs.
                do {
                    coldW1 = runW1(server, COLD_W1);
                    coldW1At = (System.nanoTime() - deployed) / 1e9;
                    coldW1Runs.add(String.format(Locale.ROOT, "%.0f at %.0f s", coldW1, coldW1At));
                } while (coldW1At < COLD_SECONDS - 12);
                String w2Cold = runW2(server, W2_COUNT, false, 1, false);
                coldW2At = (System.nanoTime() - deployed) / 1e9;
                coldDrain = number(w2Cold, "perSecond");
                coldStarts = number(w2Cold, "startsPerSecond");
                System.out.println("benchmark: W1 warm-up");
                for (int done = 0; done < WARMUP; done += 5000) {
                    runW1(server, Math.min(5000, WARMUP - done)); // requests short enough for the server
                }
                for (int i = 0; i < REPEATS; i++) {
                    System.out.println("benchmark: W1");
                    stentRuns[i] = runW1(server, WORKFLOWS);
                }
                // Several warm-up drains: the first drains after W1 ran at about half speed while the
                // JIT compiler still worked on the claim and batch-completion paths.
                for (int i = 0; i < W2_WARMUP_RUNS; i++) {
                    System.out.println("benchmark: W2 warm-up");
                    runW2(server, W2_WARMUP, false, 1, false);
                }
                for (int i = 0; i < REPEATS; i++) {
                    System.out.println("benchmark: W2");
                    runDrainFloor(floors, drainFloors, drainFloorCpu, i);
                    startFloors[2 * i] = floors.insertPerStep(W2_COUNT, IN_FLIGHT);
                    String w2 = runW2(server, W2_COUNT, false, 1, false);
                    startFloors[2 * i + 1] = floors.insertPerStep(W2_COUNT, IN_FLIGHT);
                    drainRuns[i] = number(w2, "perSecond");
                    startRuns[i] = number(w2, "startsPerSecond");
                    drainCpu[i] = cpuPerThousand(w2, W2_COUNT);
                    // the same burst after 11 s of quiet (the counters' settling time before it)
                    lastDrain = runW2(server, W2_COUNT, false, 1, true);
                    quietDrainRuns[i] = number(lastDrain, "perSecond");
                    vacuumedDrainRuns[i] = number(runW2(server, W2_COUNT, true, 1, false), "perSecond");
                    System.out.println("benchmark: W4");
                    batchFloors[2 * i] = floors.insertBatched(W2_COUNT, IN_FLIGHT, BATCH);
                    batchStartRuns[i] = number(runW2(server, W2_COUNT, false, BATCH, false), "startsPerSecond");
                    batchFloors[2 * i + 1] = floors.insertBatched(W2_COUNT, IN_FLIGHT, BATCH);
                }
                runDrainFloor(floors, drainFloors, drainFloorCpu, REPEATS);
                System.out.println("benchmark: W3");
                String w3 = call(server, "/bench/api/bench/w3?samples=" + W3_SAMPLES);
                stentStart = new double[] {number(w3, "p50"), number(w3, "p99")};
            }
            System.out.println("benchmark: floors again");
            insertFloors[1] = floors.insertPerStep(WORKFLOWS * 10, IN_FLIGHT);
            workflowFloors[1] = floors.workflowShaped(WORKFLOWS, IN_FLIGHT);
            double stent = mean(stentRuns);
            double stentDrain = mean(drainRuns);
            double insertFloor = mean(insertFloors);
            double workflowFloor = mean(workflowFloors);
            double drainFloor = mean(drainFloors);
            System.out.println();
            System.out.println("Each figure is a mean; the runs are in brackets. Floors ran before and after Stent"
                    + " (W2's between Stent's drains).");
            System.out.println();
            double startFloor = mean(startFloors);
            double batchFloor = mean(batchFloors);
            System.out.println("W0: " + W2_COUNT + " starts (Stent.start, one execution per call) from " + IN_FLIGHT
                    + " threads, outside any transaction, PostgreSQL (W2's burst)");
            System.out.printf(Locale.ROOT, "  Stent, warm                  %10.0f starts/s   %s%n", mean(startRuns),
                    runs(startRuns));
            System.out.printf(Locale.ROOT, "  Stent, cold (%.0f s after the deploy) %4.0f starts/s, %.2f of warm%n",
                    coldW2At, coldStarts, coldStarts / mean(startRuns));
            System.out.printf(Locale.ROOT, "  floor: one-row insert per commit %6.0f rows/s   ratio %.2f   %s%n", startFloor,
                    mean(startRuns) / startFloor, runs(startFloors));
            System.out.println();
            System.out.println("W4: " + W2_COUNT + " starts in batches of " + BATCH + " (Stent.startAll) from " + IN_FLIGHT
                    + " threads, PostgreSQL");
            System.out.printf(Locale.ROOT, "  Stent, warm                  %10.0f starts/s   %s%n", mean(batchStartRuns),
                    runs(batchStartRuns));
            System.out.printf(Locale.ROOT, "  floor: JDBC batch of %d per commit %5.0f rows/s   ratio %.2f   %s%n", BATCH,
                    batchFloor, mean(batchStartRuns) / batchFloor, runs(batchFloors));
            System.out.println();
            System.out.println("W1: " + WORKFLOWS + " workflows x 10 steps, " + IN_FLIGHT + " in flight, PostgreSQL,"
                    + " after a warm-up of " + WARMUP + " workflows");
            System.out.printf(Locale.ROOT, "  Stent on Payara Micro        %10.0f steps/s   %s%n", stent, runs(stentRuns));
            System.out.printf(Locale.ROOT, "  Stent, cold (%d workflows, done %.0f s after the deploy) %.0f steps/s, %.2f of"
                    + " warm; the runs since the deploy: %s%n", COLD_W1, coldW1At, coldW1, coldW1 / stent, coldW1Runs);
            System.out.printf(Locale.ROOT, "  floor: insert per step       %10.0f steps/s   ratio %.2f   %s%n", insertFloor,
                    stent / insertFloor, runs(insertFloors));
            System.out.printf(Locale.ROOT, "  floor: workflow-shaped       %10.0f steps/s   ratio %.2f   %s%n", workflowFloor,
                    stent / workflowFloor, runs(workflowFloors));
            System.out.println();
            System.out.println("W2: enqueue " + W2_COUNT + " tiny executions while the worker holds its claims, then"
                    + " drain them, PostgreSQL, on tables as the burst leaves them (no VACUUM, no ANALYZE), after "
                    + W2_WARMUP_RUNS + " warm-up drains");
            System.out.printf(Locale.ROOT, "  Stent drain                  %10.0f executions/s   %s%n", stentDrain,
                    runs(drainRuns));
            System.out.printf(Locale.ROOT, "  Stent drain, cold (done %.0f s after the deploy) %.0f executions/s, %.2f of"
                    + " warm%n", coldW2At, coldDrain, coldDrain / stentDrain);
            System.out.printf(Locale.ROOT, "  Stent drain, burst after 11 s of quiet %5.0f executions/s   %s%n",
                    mean(quietDrainRuns), runs(quietDrainRuns));
            System.out.printf(Locale.ROOT, "  Stent drain, VACUUM ANALYZE first %5.0f executions/s   %s%n",
                    mean(vacuumedDrainRuns), runs(vacuumedDrainRuns));
            System.out.println("  PostgreSQL's counters of the last drain after quiet (per task, and what it left): "
                    + lastDrain);
            System.out.printf(Locale.ROOT, "  floor: 16 x SKIP LOCKED 32   %10.0f rows/s         ratio %.2f   %s%n",
                    drainFloor, stentDrain / drainFloor, runs(drainFloors));
            double stentCpu = meanOf(drainCpu, 0);
            double floorCpu = mean(drainFloorCpu);
            System.out.printf(Locale.ROOT, "  CPU per 1,000: Stent %.0f ms (PostgreSQL %.0f, Java %.0f), floor %.0f ms,"
                    + " ratio floor/Stent %.2f; CPU taken by the hypervisor during Stent's drains: %.0f ms%n",
                    stentCpu, meanOf(drainCpu, 1), meanOf(drainCpu, 2), floorCpu, floorCpu / stentCpu,
                    meanOf(drainCpu, 3));
            System.out.println();
            System.out.println("W3: idle worker, start to first step running, " + W3_SAMPLES + " samples");
            System.out.printf(Locale.ROOT, "  Stent, warm (after W1, W2)   p50 %6.2f ms  p99 %6.2f ms%n", stentStart[0],
                    stentStart[1]);
            System.out.printf(Locale.ROOT, "  Stent, cold (first %d starts after the deploy)  p50 %6.2f ms  max %6.2f ms%n",
                    W3_COLD_SAMPLES, coldStart[0], coldStart[1]);
            System.out.printf(Locale.ROOT, "  floor: NOTIFY + claim        p50 %6.2f ms  p99 %6.2f ms%n", wakeFloor[0],
                    wakeFloor[1]);
        }
    }

    private static void runDrainFloor(JdbcFloors floors, double[] rates, double[] cpu, int run) throws Exception {
        double[] drain = floors.drain(W2_COUNT, IN_FLIGHT);
        rates[run] = drain[0];
        cpu[run] = drain[1];
    }

    static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElseThrow();
    }

    static String runs(double[] values) {
        return "[" + String.join(", ", java.util.Arrays.stream(values)
                .mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).toList()) + "]";
    }

    static double runW1(PayaraProcess server, int workflows) throws Exception {
        return number(call(server, "/bench/api/bench/w1?workflows=" + workflows + "&inflight=" + IN_FLIGHT),
                "stepsPerSecond");
    }

    static String runW2(PayaraProcess server, int count, boolean vacuum, int batch, boolean counters)
            throws Exception {
        call(server, "/bench/api/bench/w2?count=" + count + "&inflight=" + IN_FLIGHT + "&vacuum=" + vacuum
                + "&batch=" + batch + "&counters=" + counters);
        return server.awaitBody("/bench/api/bench/result/w2", body -> !body.contains("running"),
                Duration.ofMinutes(20));
    }

    /**
     * {machine, PostgreSQL, Java, hypervisor steal} CPU milliseconds per 1,000 executions, NaN where
     * not measured.
     */
    private static double[] cpuPerThousand(String w2, int count) {
        if (!w2.contains("cpuMillis")) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {number(w2, "cpuMillis") * 1000.0 / count,
                number(w2, "postgresCpuMillis") * 1000.0 / count, number(w2, "javaCpuMillis") * 1000.0 / count,
                number(w2, "stealMillis") * 1000.0 / count};
    }

    private static double meanOf(double[][] rows, int column) {
        return java.util.Arrays.stream(rows).mapToDouble(row -> row[column]).average().orElseThrow();
    }

    static String call(PayaraProcess server, String path) throws Exception {
        var response = server.call("POST", path, Duration.ofMinutes(15));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("benchmark run failed: " + response.body() + "\n" + server.logTail());
        }
        return response.body();
    }

    static double number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":([0-9.Ee+-]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
