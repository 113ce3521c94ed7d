package io.stent.it.lifecycle;

import io.stent.it.PayaraServer;
import io.stent.it.ServerHttp;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The full Payara Server 6, on its embedded H2 default: killed while a transactional EJB step
 * waits, restarted after the step's lease expired (the restart redeploys the application while
 * the expired task is due): the execution completes, without an attempt spent on the crash or on
 * the EJB container's start, and the EJB step's effect applied once.
 */
class PayaraServerRestartIT {

    @Test
    void killedWithAnEjbStepInFlight_andRestartedAfterItsLease_completesWithoutSpendingAnAttempt() throws Exception {
        LifecycleRun run = new LifecycleRun("server");
        Path install = Path.of(System.getProperty("payara.serverHome", "target/payara-server/payara6"));
        Map<String, String> settings = run.environment(Map.of("STENT_WORKER_LEASE", "PT3M",
                "STENT_WORKER_RECOVERY_INTERVAL", "PT0.5S", "STENT_WORKER_DRAIN_TIMEOUT", "PT2S"));
        try (PayaraServer server = PayaraServer.create(install, run.work.resolve("domains"), settings)) {
            server.start();
            server.deploy(run.war);
            ServerHttp http = server.http();
            http.awaitBody("/life/api/life/ready", body -> body.contains("yes"), LifecycleRun.START);
            var started = http.call("POST", "/life/api/life/start/parcel", LifecycleRun.FINISH);
            assertEquals(200, started.statusCode(), started.body());
            String id = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            run.awaitPicking("parcel");
            server.kill9();

            EmbeddedH2.expireLeaseOfDeadWorker(server.defaultDatabase(), id);
            run.open("parcel");
            server.start();
            String report = http.awaitBody("/life/api/life/report/parcel/" + id,
                    body -> body.contains("\"status\":\"COMPLETED\"") || body.contains("\"status\":\"FAILED\""),
                    LifecycleRun.START);
            RestartIT.assertDoneOnce(report, "parcel");
            String log = server.serverLog();
            assertFalse(log.contains("STENT-2103"), "nothing was dead-lettered");
            assertFalse(log.contains("STENT-2102"), "no attempt failed");
        }
    }
}
