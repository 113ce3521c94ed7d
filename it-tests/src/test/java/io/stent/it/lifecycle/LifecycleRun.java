package io.stent.it.lifecycle;

import io.stent.it.Libraries;
import io.stent.it.PayaraProcess;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One lifecycle test's working directory, its copy of the test application, its gates and the
 * servers it starts on them.
 */
final class LifecycleRun {

    static final Duration START = Duration.ofMinutes(4);
    static final Duration FINISH = Duration.ofMinutes(2);

    final Path work;
    final Path war;
    final Path markers;

    LifecycleRun(String name) throws IOException {
        work = Path.of(System.getProperty("stent.it.work", "target/it-work"))
                .resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        markers = work.resolve("markers");
        Files.createDirectories(markers);
        war = work.resolve("life.war");
        ShrinkWrap.create(WebArchive.class, "life.war")
                .addPackage(LifecycleRun.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibraries(Libraries.stentJars())
                .as(ZipExporter.class).exportTo(war.toFile(), true);
    }

    /** The environment of a server: the gates' directory and the settings under test. */
    Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("LIFE_MARKERS", markers.toString());
        return env;
    }

    /** Starts Payara Micro on a root directory with the application and waits until it answers. */
    PayaraProcess startMicro(String rootName, String logName, Map<String, String> settings, List<String> arguments)
            throws Exception {
        List<String> args = new ArrayList<>(arguments);
        args.addAll(List.of("--deploy", war.toString()));
        PayaraProcess server = PayaraProcess.start(work.resolve(rootName), work.resolve(logName),
                environment(settings), args);
        server.awaitBody("/life/api/life/ready", body -> body.contains("yes"), START);
        return server;
    }

    /** Starts a fulfilment and returns its execution id. */
    static String start(PayaraProcess server, String tag) throws Exception {
        HttpResponse<String> started = server.call("POST", "/life/api/life/start/" + tag);
        assertEquals(200, started.statusCode(), started.body());
        return started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    /** Waits until the EJB step of {@code tag} has written its effect and waits at its gate. */
    void awaitPicking(String tag) throws InterruptedException {
        long deadline = System.nanoTime() + FINISH.toNanos();
        while (!Files.exists(markers.resolve(tag + "-picking"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the step of " + tag + " never reached its gate");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    /** Lets the steps of {@code tag} through their gate. */
    void open(String tag) throws IOException {
        Files.writeString(markers.resolve("open-" + tag), "open");
    }

    /** Polls the report of a run until its execution completed. */
    static String awaitCompleted(PayaraProcess server, String tag, String id, Duration timeout) throws Exception {
        return server.awaitBody("/life/api/life/report/" + tag + "/" + id,
                body -> body.contains("\"status\":\"COMPLETED\"") || body.contains("\"status\":\"FAILED\""), timeout);
    }

    /** The number a report gives for {@code key}. */
    static int number(String report, String key) {
        String compact = report.replaceAll("\\s", "");
        return Integer.parseInt(compact.replaceAll(".*\"" + key + "\":\"?(-?[0-9]+)\"?[,}].*", "$1"));
    }
}
