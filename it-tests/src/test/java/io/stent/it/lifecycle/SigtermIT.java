package io.stent.it.lifecycle;

import io.stent.it.PayaraProcess;
import io.stent.it.PostgresDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.stent.it.lifecycle.LifecycleRun.awaitCompleted;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM with a transactional EJB step in flight, as a container manager sends it. The leases are
 * far longer than the test, so a take-over before they expire proves that the stop released the
 * task or was recognised, and no attempt is spent.
 */
class SigtermIT {

    private static final Map<String, String> SETTINGS = Map.of("STENT_WORKER_LEASE", "PT3M",
            "STENT_WORKER_HEARTBEAT", "PT1S", "STENT_WORKER_DRAIN_TIMEOUT", "PT2S");

    /**
     * On the embedded H2 database, which closes itself as soon as the JVM is told to stop: Stent
     * stops at once and says why, and the server restarted on the same root directory takes the
     * task over at once.
     */
    @Test
    void embeddedH2_stopsAtOnceSayingWhy_andTheRestartedServerTakesTheTaskOverAtOnce() throws Exception {
        LifecycleRun run = new LifecycleRun("sigterm-h2");
        String id;
        long stopped;
        try (PayaraProcess server = run.startMicro("root", "run1.log", SETTINGS, List.of())) {
            id = LifecycleRun.start(server, "h2");
            run.awaitPicking("h2");
            Duration exit = server.sigterm(Duration.ofMinutes(1));
            stopped = System.nanoTime();
            String log = server.log();
            assertTrue(log.contains("STENT-1610"), "Stent's shutdown is in the log");
            assertTrue(log.contains("STENT-2005"), "it says why it could not release the task");
            assertTrue(log.contains("STENT-2002"), "the worker stopped");
            assertTrue(exit.compareTo(Duration.ofSeconds(30)) < 0, "the exit did not wait for the drain: " + exit);
        }
        run.open("h2");
        try (PayaraProcess server = run.startMicro("root", "run2.log", SETTINGS, List.of())) {
            String report = awaitCompleted(server, "h2", id, LifecycleRun.FINISH);
            RestartIT.assertDoneOnce(report, "h2");
            assertTrue(System.nanoTime() - stopped < Duration.ofMinutes(3).toNanos(), "taken over before the lease");
        }
    }

    /**
     * On PostgreSQL with two instances: the stopped instance drains, releases the task it could not
     * finish, and the other instance takes it over at once. Then an instance killed with SIGKILL:
     * the database frees its session lock and the other instance takes its task over within about
     * a second.
     */
    @Test
    void postgres_drainsAndReleases_andTheOtherInstanceTakesTheTaskOverAtOnce() throws Exception {
        LifecycleRun run = new LifecycleRun("sigterm-pg");
        try (PostgresDatabase database = PostgresDatabase.create()) {
            List<String> arguments = database.payaraArguments(run.work);
            Map<String, String> settingsX = new HashMap<>(SETTINGS);
            settingsX.put("STENT_DATASOURCE", "jdbc/stent");
            settingsX.put("LIFE_INSTANCE", "x");
            // As if on separate machines: no instance judges another dead by its process id.
            settingsX.put("STENT_WORKER_PROCESS_CHECKS", "false");
            Map<String, String> settingsY = new HashMap<>(settingsX);
            settingsY.put("LIFE_INSTANCE", "y");
            try (PayaraProcess x = run.startMicro("root-x", "x.log", settingsX, arguments);
                 PayaraProcess y = run.startMicro("root-y", "y.log", settingsY, arguments)) {
                String id = LifecycleRun.start(x, "pg");
                run.awaitPicking("pg");
                boolean onX = Files.readString(run.markers.resolve("pg-picking")).equals("x");
                PayaraProcess running = onX ? x : y;
                PayaraProcess other = onX ? y : x;
                Duration exit = running.sigterm(Duration.ofMinutes(1));
                long stopped = System.nanoTime();
                String log = running.log();
                assertTrue(log.contains("STENT-1610") && log.contains("STENT-2003") && log.contains("STENT-2004"),
                        "the stop drained, then interrupted the step at the drain timeout");
                assertTrue(log.contains("STENT-2202 released"), "and released it");
                run.open("pg");
                String report = awaitCompleted(other, "pg", id, LifecycleRun.FINISH);
                long takeover = Duration.ofNanos(System.nanoTime() - stopped).toMillis();
                RestartIT.assertDoneOnce(report, "pg");
                assertTrue(takeover < Duration.ofMinutes(1).toMillis(), "taken over long before the lease");
                System.out.println("SIGTERM on PostgreSQL: exit took " + exit.toMillis() + " ms, the other instance"
                        + " finished the task " + takeover + " ms after the exit");

                // Then kill -9, with no drain at all: the database frees the dead worker's session lock.
                Map<String, String> settingsZ = new HashMap<>(settingsX);
                settingsZ.put("LIFE_INSTANCE", "z");
                try (PayaraProcess z = run.startMicro("root-z", "z.log", settingsZ, arguments)) {
                    String killedId = LifecycleRun.start(z, "killed");
                    run.awaitPicking("killed");
                    boolean onZ = Files.readString(run.markers.resolve("killed-picking")).equals("z");
                    PayaraProcess victim = onZ ? z : other;
                    PayaraProcess survivor = onZ ? other : z;
                    victim.kill9();
                    long killed = System.nanoTime();
                    run.open("killed");
                    String killedReport = awaitCompleted(survivor, "killed", killedId, LifecycleRun.FINISH);
                    long resumed = Duration.ofNanos(System.nanoTime() - killed).toMillis();
                    RestartIT.assertDoneOnce(killedReport, "killed");
                    assertTrue(resumed < 10_000, "taken over within seconds of kill -9, not after the 3-minute lease: "
                            + resumed + " ms");
                    assertTrue(survivor.log().contains("its database session is gone"), "recognised by its lock");
                    System.out.println("kill -9 on PostgreSQL: the other instance finished the task " + resumed
                            + " ms after the kill");
                }
            }
        }
    }
}
