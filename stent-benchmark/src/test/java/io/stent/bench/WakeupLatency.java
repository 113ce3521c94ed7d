package io.stent.bench;

import io.stent.engine.store.NewExecution;
import io.stent.it.MariaDbDatabase;
import io.stent.it.PayaraProcess;
import io.stent.it.PostgresDatabase;
import io.stent.store.JdbcStore;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wake-up latency: how long an idle worker takes to start work that another instance wrote. A
 * Payara Micro instance with the benchmark application idles; this process writes executions into
 * its database as another instance would, at random intervals of up to two seconds (so that they
 * find the worker's idle poll anywhere in its back-off), and reads when each one's first step ran.
 * On PostgreSQL the write's notification wakes the worker; MariaDB has none, so the worker finds
 * the work at its next poll (default back-off 10 ms doubling to 1 s). Both databases run in the
 * same run. Run it with {@code ./run-benchmark.sh -Dbench.main=io.stent.bench.WakeupLatency}.
 */
public final class WakeupLatency {

    private static final int SAMPLES = Integer.getInteger("bench.wakeup.samples", 100);
    /** The first samples after the server became ready, reported apart as the cold figure. */
    private static final int COLD = Integer.getInteger("bench.wakeup.cold", 10);
    private static final long MAX_GAP_MILLIS = Long.getLong("bench.wakeup.maxGapMillis", 2000);

    private WakeupLatency() {
    }

    /** How the server sets up the database: Payara Micro arguments written into a work folder. */
    @FunctionalInterface
    private interface ServerArguments {
        List<String> in(Path work) throws Exception;
    }

    /**
     * The database under test, with how the benchmark process and the server reach it.
     *
     * @param name its name in the report
     * @param dataSource this process's way in
     * @param payaraArguments the server's way in
     * @param drop drops it
     */
    private record Database(String name, DataSource dataSource, ServerArguments payaraArguments, Runnable drop)
            implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
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
        List<String> lines = new ArrayList<>();
        try (Database postgres = postgres()) {
            lines.add(measure(postgres, work));
        }
        try (Database mariadb = mariadb()) {
            lines.add(measure(mariadb, work));
        }
        System.out.println();
        System.out.println("Wake-up: another instance writes an execution, an idle worker starts its first step; "
                + SAMPLES + " samples, gaps of 0 to " + MAX_GAP_MILLIS + " ms; cold = the first " + COLD
                + " after the server was ready, warm = the rest");
        lines.forEach(System.out::println);
    }

    private static String measure(Database database, Path work) throws Exception {
        List<String> payaraArgs = new ArrayList<>(database.payaraArguments().in(work));
        payaraArgs.addAll(List.of("--deploy", System.getProperty("bench.war", "target/bench.war")));
        Map<String, String> env = Map.of("STENT_DATASOURCE", "jdbc/stent");
        JdbcStore store = JdbcStore.on(database.dataSource());
        List<Double> cold = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        Random gaps = new Random(42);
        try (PayaraProcess server = PayaraProcess.start(work.resolve("wakeup-root-" + System.nanoTime()),
                work.resolve("wakeup-" + database.name() + ".log"), env, payaraArgs)) {
            server.awaitBody("/bench/api/bench/ready", body -> body.contains("yes"), Duration.ofMinutes(5));
            System.out.println("wake-up: " + database.name());
            for (int i = 0; i < SAMPLES; i++) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(
                        (long) (gaps.nextDouble() * MAX_GAP_MILLIS)).toNanos());
                int sample = 2_000_000 + i;
                Instant written = Instant.now();
                store.store().executions().create(NewExecution.now(UUID.randomUUID().toString(), "bench.first", 1,
                        "default", "[" + sample + "]", null));
                long ranAt = awaitFirstStep(server, sample);
                double millis = (ranAt - (written.getEpochSecond() * 1_000_000L + written.getNano() / 1_000)) / 1000.0;
                (i < COLD ? cold : warm).add(millis);
            }
        }
        return String.format(Locale.ROOT, "  %-11s cold %s   warm %s", database.name(), percentiles(cold),
                percentiles(warm));
    }

    private static long awaitFirstStep(PayaraProcess server, int sample) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Pattern at = Pattern.compile("\"at\":(-?\\d+)");
        while (System.nanoTime() < deadline) {
            Matcher matcher = at.matcher(server.call("GET", "/bench/api/bench/first-step/" + sample).body());
            if (matcher.find() && Long.parseLong(matcher.group(1)) > 0) {
                return Long.parseLong(matcher.group(1));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        throw new IllegalStateException("sample " + sample + " never ran\n" + server.logTail());
    }

    private static String percentiles(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "p50 %7.1f ms  p90 %7.1f ms  max %7.1f ms", at(sorted, 0.5),
                at(sorted, 0.9), sorted.get(sorted.size() - 1));
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * quantile) - 1));
    }

    private static Database postgres() {
        PostgresDatabase database = PostgresDatabase.create();
        org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return new Database("PostgreSQL", dataSource, database::payaraArguments, database::close);
    }

    private static Database mariadb() throws Exception {
        MariaDbDatabase database = MariaDbDatabase.create();
        org.mariadb.jdbc.MariaDbDataSource dataSource = new org.mariadb.jdbc.MariaDbDataSource(database.jdbcUrl());
        dataSource.setUser("root");
        dataSource.setPassword("");
        return new Database("MariaDB", dataSource, database::payaraArguments, database::close);
    }
}
