package io.stent.it.schedule;

import io.stent.it.Libraries;
import io.stent.it.PayaraProcess;
import io.stent.it.PostgresDatabase;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schedule that fires every two seconds, deployed on two Payara Micro instances sharing one
 * PostgreSQL database. Just after a fire time one instance gets SIGTERM and the other SIGKILL, at
 * once; both start again at once on their root directories. Every fire time from the first to the
 * last, the downtime's included (catch-up ALL), started exactly one execution, each completed, and
 * each one's transactional step took effect once.
 */
class ScheduleRestartIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration EVERY = Duration.ofSeconds(2);

    @Test
    void twoInstancesRestartingAtOnceAroundAFireTime_startEachFireTimeOnce_andLoseNone() throws Exception {
        Path work = Path.of(System.getProperty("stent.it.work", "target/it-work"))
                .resolve("schedules-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        Path war = work.resolve("ticker.war");
        ShrinkWrap.create(WebArchive.class, "ticker.war").addPackage(ScheduleRestartIT.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml").addAsLibraries(Libraries.stentJars())
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        try (PostgresDatabase database = PostgresDatabase.create()) {
            List<String> args = new ArrayList<>(database.payaraArguments(work));
            args.addAll(List.of("--deploy", war.toString()));
            Map<String, String> env = Map.of("STENT_DATASOURCE", "jdbc/stent", "STENT_RETENTION_ENABLED", "false");
            Path rootA = work.resolve("root-a");
            Path rootB = work.resolve("root-b");
            Instant restartedAt;
            try (PayaraProcess a = PayaraProcess.start(rootA, work.resolve("a1.log"), env, args);
                 PayaraProcess b = PayaraProcess.start(rootB, work.resolve("b1.log"), env, args)) {
                awaitReady(a, b);
                awaitCompletedTicks(database, 3, Instant.EPOCH);
                waitUntilJustAfterAFireTime();
                CompletableFuture<Duration> terminated = CompletableFuture.supplyAsync(() -> {
                    try {
                        return a.sigterm(Duration.ofMinutes(2));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                b.kill9();
                terminated.join();
            }
            try (PayaraProcess a = PayaraProcess.start(rootA, work.resolve("a2.log"), env, args);
                 PayaraProcess b = PayaraProcess.start(rootB, work.resolve("b2.log"), env, args)) {
                awaitReady(a, b);
                restartedAt = Instant.now();
                awaitCompletedTicks(database, 3, restartedAt);
                assertEquals(200, a.call("POST", "/ticker/api/ticks/pause").statusCode());
                long deadline = System.nanoTime() + START.toNanos();
                while (count(database, "SELECT COUNT(*) FROM stent_execution WHERE function_name = 'ticker.tick'"
                        + " AND status <> 'COMPLETED'") > 0 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(100_000_000L);
                }
                a.sigterm(Duration.ofMinutes(2));
                b.sigterm(Duration.ofMinutes(2));
            }

            List<Instant> fires = fireTimes(database);
            assertTrue(fires.size() >= 6, fires.toString());
            assertEquals(fires.size(), fires.stream().distinct().count(), "one execution per fire time");
            for (int i = 1; i < fires.size(); i++) {
                assertEquals(EVERY, Duration.between(fires.get(i - 1), fires.get(i)),
                        "no fire time lost between " + fires.get(i - 1) + " and " + fires.get(i) + " (restarted at "
                                + restartedAt + ")");
            }
            assertTrue(fires.get(fires.size() - 1).isAfter(restartedAt), "it fired after the restart: " + fires);
            assertEquals(0, count(database, "SELECT COUNT(*) FROM stent_execution WHERE function_name = 'ticker.tick'"
                    + " AND status <> 'COMPLETED'"), "every tick completed");
            assertEquals(0, count(database, "SELECT COUNT(*) FROM stent_execution e WHERE function_name = 'ticker.tick'"
                    + " AND (SELECT COUNT(*) FROM tick_effect t WHERE t.execution_id = e.id) <> 1"),
                    "each tick's transactional step took effect once");
            assertEquals(fires.size(), count(database, "SELECT COUNT(*) FROM tick_effect"));
            assertEquals(0, count(database, "SELECT dropped FROM stent_schedule WHERE name = 'ticker'"),
                    "catch-up ALL drops none");
        }
    }

    private static void awaitReady(PayaraProcess... servers) {
        for (PayaraProcess server : servers) {
            server.awaitBody("/ticker/api/ticks/ready", body -> body.contains("yes"), START);
        }
    }

    /** Waits until {@code count} ticks that fired after {@code after} completed. */
    private static void awaitCompletedTicks(PostgresDatabase database, int count, Instant after) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (fireTimes(database).stream().filter(fire -> fire.isAfter(after)).count() < count
                || count(database, "SELECT COUNT(*) FROM stent_execution WHERE function_name = 'ticker.tick'"
                + " AND status = 'COMPLETED'") < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + count + " ticks after " + after + ": "
                        + fireTimes(database));
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    /** Parks until 50 ms past the next even second: the schedule round is at work on a fire time. */
    private static void waitUntilJustAfterAFireTime() {
        long nowMillis = System.currentTimeMillis();
        long next = (nowMillis / EVERY.toMillis() + 1) * EVERY.toMillis() + 50;
        while (System.currentTimeMillis() < next) {
            LockSupport.parkNanos(Duration.ofMillis(Math.max(1, next - System.currentTimeMillis())).toNanos());
        }
    }

    /** The fire times that started executions, in order, from their idempotency keys. */
    private static List<Instant> fireTimes(PostgresDatabase database) throws Exception {
        List<Instant> fires = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT idempotency_key FROM stent_execution"
                     + " WHERE idempotency_key LIKE 'stent-schedule:ticker@%'")) {
            while (rows.next()) {
                String key = rows.getString(1);
                fires.add(Instant.parse(key.substring(key.indexOf('@') + 1)));
            }
        }
        fires.sort(null);
        return fires;
    }

    private static long count(PostgresDatabase database, String sql) throws Exception {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection connect(PostgresDatabase database) throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres");
    }
}
