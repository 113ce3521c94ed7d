package io.stent.it.retention;

import io.stent.it.Libraries;
import io.stent.it.PayaraProcess;
import io.stent.it.PostgresDatabase;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention job on Payara Micro and PostgreSQL: 100,000 completed executions two months old
 * (with a step each) beside recent, waiting and failed ones; the job, started through its schedule,
 * is killed with SIGKILL half way, the server starts again on the same root directory, the job runs
 * again, and exactly the old completed executions and their steps are gone.
 */
class RetentionIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration RUN = Duration.ofMinutes(4);
    private static final int OLD = 100_000;

    @Test
    void aRetentionRunKilledHalfWay_andRunAgain_deletesExactlyTheOldCompletedExecutions() throws Exception {
        Path work = Path.of(System.getProperty("stent.it.work", "target/it-work"))
                .resolve("retention-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        Path war = work.resolve("retention.war");
        ShrinkWrap.create(WebArchive.class, "retention.war").addPackage(RetentionIT.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml").addAsLibraries(Libraries.stentJars())
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        try (PostgresDatabase database = PostgresDatabase.create()) {
            List<String> args = new ArrayList<>(database.payaraArguments(work));
            args.addAll(List.of("--deploy", war.toString()));
            Map<String, String> env = Map.of("STENT_DATASOURCE", "jdbc/stent", "STENT_RETENTION_BATCH_SIZE", "100");
            Path root = work.resolve("root");
            long leftAtKill;
            try (PayaraProcess first = PayaraProcess.start(root, work.resolve("first.log"), env, args)) {
                first.awaitBody("/retention/api/retention/ready", body -> body.contains("yes"), START);
                seed(database);
                trigger(first);
                leftAtKill = awaitCount(database, "retained.old", left -> left <= OLD * 7 / 10);
                first.kill9();
            }
            assertTrue(leftAtKill > 0, "the job was still running when the server was killed");
            long afterKill = count(database, "SELECT COUNT(*) FROM stent_execution WHERE function_name = 'retained.old'");
            assertTrue(afterKill > 0 && afterKill < OLD, "killed half way: " + afterKill + " left");
            try (PayaraProcess second = PayaraProcess.start(root, work.resolve("second.log"), env, args)) {
                second.awaitBody("/retention/api/retention/ready", body -> body.contains("yes"), START);
                trigger(second);
                awaitCount(database, "retained.old", left -> left == 0);
                long deadline = System.nanoTime() + RUN.toNanos();
                while (!second.log().contains("STENT-2240") && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
                }
                assertTrue(second.log().contains("STENT-2240"), "the job reports what it deleted");
                String metrics = second.awaitBody("/metrics?scope=application",
                        body -> deletedExecutions(body) > 0, RUN);
                assertTrue(deletedExecutions(metrics) >= afterKill, "stent.retention.deleted counts what this"
                        + " server's run deleted: " + metrics.lines().filter(l -> l.contains("retention")).toList());
            }
            List<String> runs = rows(database, "SELECT status || ' ' || executions FROM stent_retention_run"
                    + " ORDER BY started_at");
            assertEquals(2, runs.size(), runs.toString());
            assertTrue(runs.get(0).startsWith("INTERRUPTED "), "the killed run, written down by the next: " + runs);
            long before = Long.parseLong(runs.get(0).substring("INTERRUPTED ".length()));
            assertTrue(before > 0 && before <= OLD - afterKill, "it recorded what it had deleted: " + runs);
            assertEquals("COMPLETED " + afterKill, runs.get(1), "the second run deleted the rest");
            assertEquals(1_000, count(database, "SELECT COUNT(*) FROM stent_execution"
                    + " WHERE function_name = 'retained.recent'"), "completed a day ago: kept (30 days)");
            assertEquals(100, count(database, "SELECT COUNT(*) FROM stent_execution"
                    + " WHERE function_name = 'retained.waiting'"), "never ended: kept");
            assertEquals(1_000, count(database, "SELECT COUNT(*) FROM stent_execution"
                    + " WHERE function_name = 'retained.failed'"), "failed two months ago: kept (90 days)");
            assertEquals(1_000, count(database, "SELECT COUNT(*) FROM stent_dead_letter"
                    + " WHERE function_name = 'retained.failed'"), "with their dead letters");
            assertEquals(0, count(database, "SELECT COUNT(*) FROM stent_step s WHERE NOT EXISTS"
                    + " (SELECT 1 FROM stent_execution e WHERE e.id = s.execution_id)"), "no step outlived its execution");
            assertEquals(2_000, count(database, "SELECT COUNT(*) FROM stent_step"), "the kept ones' steps stay");
        }
    }

    /** Writes the executions as a busy application would have left them, by SQL. */
    private static void seed(PostgresDatabase database) throws Exception {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(executions("retained.old", OLD, "COMPLETED", "60 days", true));
            statement.execute(steps("retained.old"));
            statement.execute(executions("retained.recent", 1_000, "COMPLETED", "1 day", true));
            statement.execute(steps("retained.recent"));
            statement.execute(executions("retained.waiting", 100, "PENDING", "60 days", false));
            statement.execute(executions("retained.failed", 1_000, "FAILED", "60 days", true));
            statement.execute(steps("retained.failed"));
            statement.execute("INSERT INTO stent_dead_letter (id, execution_id, function_name, queue, error_class,"
                    + " error_message, error, attempts, failed_at, replayed_at, replay_count) SELECT md5('d' || id),"
                    + " id, function_name, 'default', 'java.lang.IllegalStateException', 'broken', '{}', 1,"
                    + " finished_at, NULL, 0 FROM stent_execution WHERE function_name = 'retained.failed'");
            statement.execute("ANALYZE");
        }
    }

    private static String executions(String function, int count, String status, String age, boolean ended) {
        return "INSERT INTO stent_execution (id, function_name, function_version, status, args, attempts, created_at,"
                + " started_at, finished_at, updated_at, awaited, queue) SELECT md5('" + function + "' || i)::uuid::text,"
                + " '" + function + "', 1, '" + status + "', '[]', 1, now() - interval '" + age + "',"
                + " now() - interval '" + age + "', " + (ended ? "now() - interval '" + age + "'" : "NULL")
                + ", now(), false, 'default' FROM generate_series(1, " + count + ") AS i";
    }

    private static String steps(String function) {
        return "INSERT INTO stent_step (execution_id, parent_path, seq, function_name, status, args, output, attempts,"
                + " duration_ms, finished_at) SELECT id, '', 1, 'step', 'COMPLETED', '[]', '1', 1, 1, finished_at"
                + " FROM stent_execution WHERE function_name = '" + function + "'";
    }

    /** Triggers the retention schedule, once the first schedule round has written it. */
    private static void trigger(PayaraProcess server) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        HttpResponse<String> answer = server.call("POST", "/retention/api/retention/run");
        while (answer.statusCode() != 200 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
            answer = server.call("POST", "/retention/api/retention/run");
        }
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private static long awaitCount(PostgresDatabase database, String function,
                                   java.util.function.LongPredicate done) throws Exception {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (true) {
            long left = count(database, "SELECT COUNT(*) FROM stent_execution WHERE function_name = '" + function + "'");
            if (done.test(left)) {
                return left;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out with " + left + " executions of " + function + " left");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    /** The {@code stent.retention.deleted} count of executions in a Prometheus text, or 0. */
    private static long deletedExecutions(String metrics) {
        return metrics.lines().filter(line -> line.startsWith("stent_retention_deleted_total")
                        && line.contains("kind=\"executions\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static List<String> rows(PostgresDatabase database, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
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
