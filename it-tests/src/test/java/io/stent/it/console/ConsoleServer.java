package io.stent.it.console;

import io.stent.it.Libraries;
import io.stent.it.PayaraProcess;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Payara Micro with the real console WAR beside a small application that runs Stent ({@code chores}),
 * the console's users listed in MicroProfile Config: an administrator and a viewer.
 */
final class ConsoleServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    static final String VIEWER_PASSWORD = "viewer-" + UUID.randomUUID();

    final Path work;
    PayaraProcess server;

    private ConsoleServer(Path work, PayaraProcess server) {
        this.work = work;
        this.server = server;
    }

    /** The console WAR as the build made it. */
    static Path consoleWar() {
        return Path.of(System.getProperty("stent.consoleWar", "../stent-admin-war/target/stent-admin.war"));
    }

    /** A fresh working directory for one test. */
    static Path workDirectory(String name) throws Exception {
        Path work = Path.of(System.getProperty("stent.it.work", "target/it-work"))
                .resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        return work;
    }

    /** Starts the server with both applications and waits until the host application answers. */
    static ConsoleServer start(String name) throws Exception {
        Path work = workDirectory(name);
        Path app = work.resolve("chores.war");
        ShrinkWrap.create(WebArchive.class, "chores.war").addPackage(ConsoleServer.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml").addAsLibraries(Libraries.stentJars())
                .as(ZipExporter.class).exportTo(app.toFile(), true);
        PayaraProcess server = PayaraProcess.start(work.resolve("root"), work.resolve("server.log"), environment(),
                List.of("--deploy", app.toString(), "--deploy", consoleWar().toString()));
        try {
            server.awaitBody("/chores/api/chores/ready", body -> body.contains("yes"), Duration.ofMinutes(4));
            server.awaitBody("/stent-admin/login.html", body -> body.contains("Log in"), Duration.ofMinutes(2));
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return new ConsoleServer(work, server);
    }

    /**
     * The console's users, a short lease so that a crashed server's lease soon shows expired, the
     * worker tags the oddly named function requires, and a search budget small enough for a test
     * to search by status in several steps.
     */
    private static Map<String, String> environment() {
        return Map.of("STENT_CONSOLE_AUTH", "users", "STENT_CONSOLE_USERS", "admin, viewer",
                "STENT_CONSOLE_USER_ADMIN_PASSWORD", ADMIN_PASSWORD, "STENT_CONSOLE_USER_ADMIN_ROLES", "stent-admin",
                "STENT_CONSOLE_USER_VIEWER_PASSWORD", VIEWER_PASSWORD,
                "STENT_CONSOLE_USER_VIEWER_ROLES", "stent-viewer", "STENT_WORKER_LEASE", "PT5S",
                "STENT_WORKER_HEARTBEAT", "PT1S", "STENT_WORKER_TAGS", "gpu,t<img src=x onerror=window.stentXss=5>",
                "STENT_CONSOLE_SEARCH_BUDGET", "20");
    }

    /**
     * Kills the server with SIGKILL, as a crash would, and starts it again on the same root
     * directory (the same embedded database; Payara Micro deploys the applications it had there
     * again by itself) with Stent's worker off: nothing recovers the dead server's work, so it stays as the crash
     * left it, as when no live instance runs its function.
     */
    void crashAndRestartWithoutWorker() throws Exception {
        server.kill9();
        Map<String, String> env = new java.util.HashMap<>(environment());
        env.put("STENT_WORKER_ENABLED", "false");
        server = PayaraProcess.start(work.resolve("root"), work.resolve("restarted.log"), env, List.of());
        server.awaitBody("/stent-admin/login.html", body -> body.contains("Log in"), Duration.ofMinutes(4));
    }

    /** The console's base URL. */
    String consoleUrl() {
        return server.baseUrl() + "/stent-admin";
    }

    /** Starts an execution of the host application ({@code echo}, {@code fail} or {@code flaky}) and returns its id. */
    String startExecution(String kind, String text) throws Exception {
        return startExecution(kind, text, null);
    }

    /** Starts an execution with an idempotency key (or none) and returns its id. */
    String startExecution(String kind, String text, String key) throws Exception {
        HttpResponse<String> started = server.call("POST", "/chores/api/chores/" + kind + "?text=" + encoded(text)
                + (key == null ? "" : "&key=" + encoded(key)));
        assertEquals(200, started.statusCode(), started.body());
        return started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
    }
}
