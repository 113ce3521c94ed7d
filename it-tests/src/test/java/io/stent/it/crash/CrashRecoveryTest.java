package io.stent.it.crash;

import io.stent.it.Libraries;
import io.stent.it.PayaraProcess;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash recovery, proven with a real process: a workflow of three steps runs on Payara Micro, the
 * server is killed with SIGKILL after step 2 committed, a new server starts on the same database,
 * and the execution completes with steps 1 and 2 run exactly once. Subclasses choose the database.
 */
abstract class CrashRecoveryTest {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration FINISH = Duration.ofMinutes(2);

    /** Environment variables that point Stent at the database under test. */
    abstract Map<String, String> databaseEnvironment();

    /** Payara Micro arguments that set up the database under test. */
    abstract List<String> databaseArguments(Path work) throws Exception;

    @Test
    void killedAfterSecondStep_resumesOnRestart_stepsOneAndTwoRanOnce() throws Exception {
        Path work = Path.of(System.getProperty("stent.it.work", "target/it-work"))
                .resolve(getClass().getSimpleName() + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        Path war = work.resolve("crash.war");
        ShrinkWrap.create(WebArchive.class, "crash.war")
                .addPackage(CrashWorkflow.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(Libraries.stentJars())
                .as(ZipExporter.class).exportTo(war.toFile(), true);
        Path rootDir = work.resolve("payara-root");
        List<String> args = new ArrayList<>(databaseArguments(work));
        args.addAll(List.of("--deploy", war.toString()));
        String tag = "run" + UUID.randomUUID().toString().substring(0, 8);
        String bothTag = "both" + UUID.randomUUID().toString().substring(0, 8);
        markers = work.resolve("markers");

        String executionId;
        String bothId;
        try (PayaraProcess first = PayaraProcess.start(rootDir, work.resolve("first.log"), environment("closed"),
                args)) {
            first.awaitBody("/crash/api/crash/ready", body -> body.contains("yes"), START);
            var started = first.call("POST", "/crash/api/crash/start/" + tag);
            assertEquals(200, started.statusCode(), started.body());
            executionId = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            var startedBoth = first.call("POST", "/crash/api/crash/start-both/" + bothTag);
            assertEquals(200, startedBoth.statusCode(), startedBoth.body());
            bothId = startedBoth.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            String report = first.awaitBody("/crash/api/crash/report/" + tag + "/" + executionId,
                    body -> body.contains("\"recordedSteps\":2"), FINISH);
            assertTrue(report.contains("\"status\":\"RUNNING\""), report);
            awaitMarker(bothTag + "-tx");
            awaitMarker(bothTag + "-plain");
            first.kill9();
        }

        try (PayaraProcess second = PayaraProcess.start(rootDir, work.resolve("second.log"), environment("open"),
                args)) {
            String report = second.awaitBody("/crash/api/crash/report/" + tag + "/" + executionId,
                    body -> body.contains("\"status\":\"COMPLETED\""), START.plus(FINISH));
            assertTrue(report.contains("\"result\":\"" + tag + ":60\""), report);
            assertTrue(report.contains("\"step1\":1"), "step 1 ran exactly once: " + report);
            assertTrue(report.contains("\"step2\":1"), "step 2 ran exactly once: " + report);
            assertTrue(report.contains("\"step3\":1"), "step 3 ran once, after the restart: " + report);
            assertTrue(report.contains("\"recordedSteps\":3"), report);

            // MicroProfile Health sees Stent: the store ready at the current schema, the worker claiming.
            String ready = second.awaitBody("/health/ready", body -> checkIsUp(body, "stent-store"), FINISH);
            // Payara writes health data numbers as strings.
            assertTrue(ready.replaceAll("\\s", "").matches(".*\"schemaVersion\":\"?"
                    + io.stent.store.SchemaMigrator.expectedVersion() + "\"?[,}].*"), ready);
            String live = second.awaitBody("/health/live", body -> checkIsUp(body, "stent-worker"), FINISH);
            assertTrue(live.replaceAll("\\s", "").contains("\"worker\":\"claiming\""), live);

            // MicroProfile Metrics: the restarted worker's claims, tasks and their outcomes. Payara
            // Micro deploys the application twice while it restarts on the same root directory, and
            // tasks that ran in the first deployment are counted in metrics that are gone: so new
            // executions run until one is counted in the deployment that answers.
            String metrics = "";
            long metricsDeadline = System.nanoTime() + FINISH.toNanos();
            while (!metricAtLeastOne(metrics, "stent_tasks_finished_total", "outcome=\"COMPLETED\"")
                    && System.nanoTime() < metricsDeadline) {
                String afterTag = "after" + UUID.randomUUID().toString().substring(0, 8);
                var after = postUntilOk(second, "/crash/api/crash/start/" + afterTag);
                String afterId = after.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                second.awaitBody("/crash/api/crash/report/" + afterTag + "/" + afterId,
                        body -> body.contains("\"status\":\"COMPLETED\""), FINISH);
                metrics = second.awaitBody("/metrics?scope=application", body -> true, FINISH);
            }
            assertTrue(metricAtLeastOne(metrics, "stent_tasks_finished_total", "outcome=\"COMPLETED\""), metrics);
            assertTrue(metricAtLeastOne(metrics, "stent_tasks_started_total", "function="), metrics);
            assertTrue(metricAtLeastOne(metrics, "stent_claims_duration_count", ""), metrics);
            assertTrue(metricAtLeastOne(metrics, "stent_steps_duration_count", "function="), metrics);
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("stent_tasks_due")), metrics);

            String both = second.awaitBody("/crash/api/crash/report/" + bothTag + "/" + bothId,
                    body -> body.contains("\"status\":\"COMPLETED\""), FINISH);
            assertTrue(both.contains("\"result\":\"" + bothTag + ":50\""), both);
            assertTrue(both.contains("\"step20\":1"),
                    "the transactional step's effect, killed before commit, applied exactly once: " + both);
            assertTrue(both.contains("\"step30\":2"),
                    "the plain step's effect, killed after it, applied again (at-least-once): " + both);
        }
    }

    private Path markers;

    /** Posts until the answer is 200: while Payara Micro redeploys the application it answers 503. */
    private static java.net.http.HttpResponse<String> postUntilOk(PayaraProcess server, String path) throws Exception {
        long deadline = System.nanoTime() + FINISH.toNanos();
        java.net.http.HttpResponse<String> response = server.call("POST", path);
        while (response.statusCode() != 200 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            response = server.call("POST", path);
        }
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** Whether a Prometheus text has a sample of {@code name} whose labels contain {@code label}, at 1 or more. */
    private static boolean metricAtLeastOne(String body, String name, String label) {
        return body.lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(label))
                .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1);
    }

    /** Whether a MicroProfile Health response lists the named check as UP. */
    private static boolean checkIsUp(String body, String name) {
        String compact = body.replaceAll("\\s", "");
        return compact.contains("\"name\":\"" + name + "\",\"status\":\"UP\"")
                || compact.contains("\"status\":\"UP\",\"name\":\"" + name + "\"");
    }

    private void awaitMarker(String name) throws InterruptedException {
        long deadline = System.nanoTime() + FINISH.toNanos();
        while (!Files.exists(markers.resolve(name))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the step never reached its gate: no marker " + name);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    private Map<String, String> environment(String gate) {
        Map<String, String> env = new HashMap<>(databaseEnvironment());
        env.put("CRASH_GATE", gate);
        env.put("CRASH_MARKERS", markers.toString());
        env.put("STENT_WORKER_LEASE", "PT5S");
        env.put("STENT_WORKER_HEARTBEAT", "PT1S");
        env.put("STENT_WORKER_RECOVERY_INTERVAL", "PT1S");
        env.put("STENT_WORKER_DRAIN_TIMEOUT", "PT2S");
        return env;
    }
}
