package io.stent.it.lifecycle;

import io.stent.it.PayaraProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.stent.it.lifecycle.LifecycleRun.awaitCompleted;
import static io.stent.it.lifecycle.LifecycleRun.number;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payara Micro on its embedded H2 database, killed with SIGKILL while a transactional EJB step
 * waits before its commit, restarted on the same root directory (which deploys the application
 * twice): the execution resumes as soon as the restarted server is deployed, long before its lease
 * expires, spends no attempt on the crash and no attempt on the container's start, and the EJB
 * step's effect is applied once. Then the same after the lease expired, with the dead worker
 * unknown to the restarted server (as if it had run on another machine): the task is recovered
 * while the application deploys, and must still not reach an EJB before the container is ready.
 */
class RestartIT {

    /** Far longer than a restart, so that a resume before it proves the take-over. */
    private static final Map<String, String> SETTINGS = Map.of("STENT_WORKER_LEASE", "PT3M",
            "STENT_WORKER_HEARTBEAT", "PT1S", "STENT_WORKER_RECOVERY_INTERVAL", "PT0.5S",
            "STENT_WORKER_DRAIN_TIMEOUT", "PT2S");

    @Test
    void killedWithAnEjbStepInFlight_resumesOnRestartAtOnce_andAfterItsLeaseExpired_neverSpendingAnAttempt()
            throws Exception {
        LifecycleRun run = new LifecycleRun("restart");
        String first;
        String second;
        try (PayaraProcess server = run.startMicro("root", "run1.log", SETTINGS, List.of())) {
            first = LifecycleRun.start(server, "first");
            run.awaitPicking("first");
            server.kill9();
        }
        long killed = System.nanoTime();

        run.open("first");
        try (PayaraProcess server = run.startMicro("root", "run2.log", SETTINGS, List.of())) {
            String report = awaitCompleted(server, "first", first, LifecycleRun.FINISH);
            assertTrue(System.nanoTime() - killed < Duration.ofMinutes(3).toNanos(),
                    "resumed before the dead worker's lease expired");
            assertDoneOnce(report, "first");
            assertFalse(server.log().contains("STENT-2103"), "nothing was dead-lettered");
            assertTrue(server.log().contains("STENT-2219"), "the dead worker was recognised at once");

            second = LifecycleRun.start(server, "second");
            run.awaitPicking("second");
            server.kill9();
        }

        EmbeddedH2.expireLeaseOfDeadWorker(run.work.resolve("root/lib/databases/embedded_default"), second);
        run.open("second");
        try (PayaraProcess server = run.startMicro("root", "run3.log", SETTINGS, List.of())) {
            String report = awaitCompleted(server, "second", second, LifecycleRun.FINISH);
            assertDoneOnce(report, "second");
            String log = server.log();
            assertFalse(log.contains("STENT-2103"), "nothing was dead-lettered");
            assertFalse(log.contains("STENT-2102"), "no attempt failed: " + log.lines()
                    .filter(line -> line.contains("STENT-21")).toList());
        }
    }

    static void assertDoneOnce(String report, String tag) {
        assertTrue(report.contains("\"status\":\"COMPLETED\""), report);
        assertTrue(report.contains("\"result\":\"" + tag + ":" + ("P-" + tag).length() + "\""), report);
        assertEquals(1, number(report, "attempts"), "no attempt spent on the crash or the container: " + report);
        assertEquals(1, number(report, "picks"), "the EJB step's transactional effect applied once: " + report);
        assertEquals(1, number(report, "labels"), "the void step ran once, and was replayed: " + report);
        assertEquals(0, number(report, "deadLetters"), report);
    }
}
