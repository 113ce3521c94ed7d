package io.stent.it.console;

import io.stent.it.PayaraProcess;
import io.stent.it.console.ResourceMethods.Endpoint;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real admin console WAR on Payara Micro, beside an application that runs Stent, with the
 * console's own users ({@code stent.console.auth=users}): every resource method the WAR ships
 * refuses anonymous users (401); every one that changes something refuses a viewer (403), a request
 * without the session's CSRF token (403) and one from another origin (403), and works for an
 * administrator, who leaves a row in the audit trail; errors are problem bodies; responses carry
 * the security headers; no WADL is served.
 */
class ConsoleSecurityIT {

    @Test
    void everyEndpoint_needsALogin_andEveryChange_anAdminWithTheSessionsCsrfTokenFromTheConsolesOrigin()
            throws Exception {
        List<Endpoint> endpoints = ResourceMethods.of(ConsoleServer.consoleWar());
        assertTrue(endpoints.stream().anyMatch(Endpoint::mutating), "the console has actions: " + endpoints);
        try (ConsoleServer console = ConsoleServer.start("console")) {
            PayaraProcess server = console.server;
            String base = console.consoleUrl();
            String failing = console.startExecution("fail", "broken");

            ConsoleClient anonymous = ConsoleClient.anonymous(base);
            ConsoleClient admin = ConsoleClient.form(base, "admin", ConsoleServer.ADMIN_PASSWORD);
            admin.fetchCsrfToken();
            ConsoleClient viewer = ConsoleClient.basic(base, "viewer", ConsoleServer.VIEWER_PASSWORD);
            String viewerToken = viewer.fetchCsrfToken();

            List<String> problems = new ArrayList<>();
            for (Endpoint endpoint : endpoints) {
                expect(problems, endpoint, "anonymous", 401,
                        anonymous.send(endpoint.method(), endpoint.path(), Map.of(), body(endpoint)));
                if (endpoint.mutating()) {
                    expect(problems, endpoint, "viewer", 403, viewer.send(endpoint.method(), endpoint.path(),
                            Map.of("X-Stent-Csrf", viewerToken, "Origin", viewer.origin()), body(endpoint)));
                    expect(problems, endpoint, "admin without CSRF token", 403, admin.send(endpoint.method(),
                            endpoint.path(), Map.of("Origin", admin.origin()), body(endpoint)));
                    expect(problems, endpoint, "admin with a wrong CSRF token", 403, admin.send(endpoint.method(),
                            endpoint.path(), Map.of("X-Stent-Csrf", viewerToken), body(endpoint)));
                    HttpResponse<String> foreign = admin.send(endpoint.method(), endpoint.path(),
                            Map.of("X-Stent-Csrf", admin.fetchCsrfToken(), "Origin", "http://attacker.example"),
                            body(endpoint));
                    expect(problems, endpoint, "admin from another origin", 403, foreign);
                    allowed(problems, endpoint, "admin", admin.change(endpoint.method(), endpoint.path(),
                            body(endpoint)));
                } else {
                    allowed(problems, endpoint, "viewer", viewer.send(endpoint.method(), endpoint.path(), Map.of(),
                            null));
                }
            }
            assertTrue(problems.isEmpty(), String.join("\n", problems));

            assertPagesAndHeaders(anonymous, admin);
            assertTheApiIsDescribedToUsersOnly(server, anonymous, viewer, endpoints);
            assertProblemBodies(admin);
            assertActionIsAudited(admin, failing);
            assertTheApplicationCanOperateToo(console, admin, failing);
            assertTheCommandLine(console, admin, failing);
            assertLogoutEndsTheSession(admin);
            assertFalse(server.log().contains("STENT-1799"), "no request failed inside the console");
        }
    }

    @Test
    void byDefault_theServersRealmAuthenticates_overHttpBasic_andItsGroupsGiveTheRoles() throws Exception {
        Path work = ConsoleServer.workDirectory("console-realm");
        Path passwords = work.resolve("passwords.txt");
        Files.writeString(passwords, "AS_ADMIN_USERPASSWORD=" + ConsoleServer.VIEWER_PASSWORD + "\n");
        Path postBoot = work.resolve("postboot.asadmin");
        Files.writeString(postBoot, "create-file-user --groups stent-viewer --passwordfile " + passwords + " ops\n");
        Path console = ConsoleServer.consoleWar();
        try (PayaraProcess server = PayaraProcess.start(work.resolve("root"), work.resolve("server.log"), Map.of(),
                List.of("--postbootcommandfile", postBoot.toString(), "--deploy", console.toString()))) {
            String base = server.baseUrl() + "/stent-admin";
            server.awaitBody("/stent-admin/login.html", body -> body.contains("Log in"), Duration.ofMinutes(4));
            HttpResponse<String> anonymous = ConsoleClient.anonymous(base).send("GET", "/api/workers", Map.of(), null);
            assertEquals(401, anonymous.statusCode(), anonymous.body());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"),
                    anonymous.headers().map().toString());
            assertEquals(401, ConsoleClient.basic(base, "ops", "wrong").send("GET", "/api/workers", Map.of(), null)
                    .statusCode(), "a wrong password is refused");
            ConsoleClient ops = ConsoleClient.basic(base, "ops", ConsoleServer.VIEWER_PASSWORD);
            String session = ops.send("GET", "/api/session", Map.of(), null).body();
            assertTrue(session.contains("\"user\":\"ops\"") && session.contains("\"admin\":false"), session);
            String token = ops.fetchCsrfToken();
            HttpResponse<String> change = ops.send("POST", "/api/dead-letters/purge?olderThan=P1D",
                    Map.of("X-Stent-Csrf", token), null);
            assertEquals(403, change.statusCode(), "a realm user in group stent-viewer may not change: " + change.body());
        }
    }

    private static String body(Endpoint endpoint) {
        return endpoint.path().contains("/signals/") ? "{\"ok\":true}" : null;
    }

    private static void expect(List<String> problems, Endpoint endpoint, String who, int status,
                               HttpResponse<String> response) {
        if (response.statusCode() != status) {
            problems.add(endpoint + " as " + who + ": expected " + status + ", got " + response.statusCode() + " "
                    + response.body());
        } else if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            problems.add(endpoint + " as " + who + ": the refusal is not a problem body: "
                    + response.headers().map() + " " + response.body());
        }
    }

    private static void allowed(List<String> problems, Endpoint endpoint, String who, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 401 || status == 403 || status >= 500) {
            problems.add(endpoint + " as " + who + ": refused or failed with " + status + " " + response.body());
        }
    }

    private static void assertPagesAndHeaders(ConsoleClient anonymous, ConsoleClient admin) throws Exception {
        HttpResponse<String> page = anonymous.send("GET", "/", Map.of(), null);
        assertTrue(page.statusCode() == 302 || page.statusCode() == 303, "a page without login goes to the form: "
                + page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").endsWith("/login.html"), page.headers().map()
                .toString());
        HttpResponse<String> login = anonymous.send("GET", "/login.html", Map.of(), null);
        assertEquals(200, login.statusCode());
        HttpResponse<String> console = admin.send("GET", "/", Map.of(), null);
        assertEquals(200, console.statusCode());
        assertFalse(console.body().contains("<script>"), "no inline script");
        for (HttpResponse<String> response : List.of(login, console, admin.send("GET", "/api/executions", Map.of(),
                null))) {
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'")
                    && !policy.contains("unsafe-inline"), policy);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
        }
        HttpResponse<String> wadl = admin.send("GET", "/api/application.wadl", Map.of(), null);
        assertEquals(404, wadl.statusCode(), "no WADL: " + wadl.body());
        HttpResponse<String> options = admin.send("OPTIONS", "/api/executions", Map.of(), null);
        assertFalse(options.body().contains("wadl") || options.headers().firstValue("Content-Type").orElse("")
                .contains("wadl"), "OPTIONS describes nothing: " + options.body());
    }

    /** The OpenAPI document lists every endpoint, for logged-in users; the server's public one leaves the console out. */
    private static void assertTheApiIsDescribedToUsersOnly(PayaraProcess server, ConsoleClient anonymous,
                                                           ConsoleClient viewer, List<Endpoint> endpoints)
            throws Exception {
        assertEquals(401, anonymous.send("GET", "/api/openapi", Map.of(), null).statusCode());
        HttpResponse<String> document = viewer.send("GET", "/api/openapi", Map.of(), null);
        assertEquals(200, document.statusCode(), document.body());
        String json = document.body();
        for (Endpoint endpoint : endpoints) {
            int path = json.indexOf("\"" + endpoint.template() + "\":{");
            assertTrue(path >= 0, "the document has " + endpoint.template() + ": " + json);
            String operations = json.substring(path, Math.min(json.length(), json.indexOf("\"/api", path + 5) < 0
                    ? json.length() : json.indexOf("\"/api", path + 5)));
            assertTrue(operations.contains("\"" + endpoint.method().toLowerCase(java.util.Locale.ROOT) + "\":{"),
                    "the document has " + endpoint + ": " + operations);
            assertTrue(operations.contains("\"summary\":\""), "each operation says what it does: " + operations);
        }
        assertTrue(json.contains("\"name\":\"runningLongerThan\"") && json.contains("\"description\":\"only"
                + " executions that started longer ago"), "parameters are described: " + json);
        HttpResponse<String> serverDocument = server.call("GET", "/openapi");
        for (String consolePath : List.of("/api/dead-letters", "/api/executions", "/api/session", "/api/audit")) {
            assertFalse(serverDocument.body().contains(consolePath), "the server's public OpenAPI document"
                    + " describes none of the console's API: " + serverDocument.body());
        }
    }

    private static void assertProblemBodies(ConsoleClient admin) throws Exception {
        assertProblem(admin.send("GET", "/api/executions?limit=abc", Map.of(), null), 400, "STENT-1701", "limit");
        assertProblem(admin.send("GET", "/api/dead-letters?includeReplayed=maybe", Map.of(), null), 400,
                "STENT-1714", "includeReplayed");
        assertProblem(admin.send("GET", "/api/executions?status=sleeping", Map.of(), null), 400, "STENT-1702",
                "status");
        assertProblem(admin.send("GET", "/api/executions/no-such-id", Map.of(), null), 404, "STENT-1404", null);
        assertProblem(admin.send("GET", "/api/dead-letters/no-such-id", Map.of(), null), 404, "STENT-1705", null);
        assertProblem(admin.send("GET", "/api/no-such-resource", Map.of(), null), 404, "STENT-1709", null);
        assertProblem(admin.change("POST", "/api/executions/no-such-id/signals/go", "{not json"), 400,
                "STENT-1716", "payload");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code, String parameter) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        if (parameter != null) {
            assertTrue(response.body().contains("\"parameter\":\"" + parameter + "\""), response.body());
        }
    }

    private static void assertActionIsAudited(ConsoleClient admin, String execution) throws Exception {
        HttpResponse<String> arguments = admin.send("GET", "/api/executions/" + execution + "/arguments", Map.of(),
                null);
        assertEquals("[\"broken\"]", arguments.body(), "the whole stored value");
        HttpResponse<String> steps = admin.send("GET", "/api/executions/" + execution + "/steps?limit=abc", Map.of(),
                null);
        assertProblem(steps, 400, "STENT-1701", "limit");
        String letter = awaitDeadLetterOf(admin, execution);
        HttpResponse<String> replayed = admin.change("POST", "/api/dead-letters/" + letter + "/replay", null);
        assertEquals(200, replayed.statusCode(), replayed.body());
        assertTrue(replayed.body().contains("REPLAYED"), replayed.body());
        HttpResponse<String> audit = admin.send("GET", "/api/audit?actor=admin&operation=dead-letter.replay",
                Map.of(), null);
        assertEquals(200, audit.statusCode(), audit.body());
        assertTrue(audit.body().contains("\"targets\":\"" + letter + "\"") && audit.body().contains("\"REPLAYED\""),
                "the replay is in the audit trail: " + audit.body());
    }

    /** The application's own code replays through the injected operations API, audited as "application". */
    private static void assertTheApplicationCanOperateToo(ConsoleServer console, ConsoleClient admin, String execution)
            throws Exception {
        String letter = awaitDeadLetterOf(admin, execution); // it failed again after the console's replay
        HttpResponse<String> replayed = console.server.call("POST", "/chores/api/chores/replay/" + execution);
        assertEquals(200, replayed.statusCode(), replayed.body());
        assertTrue(replayed.body().replaceAll("\\s", "").contains("\"replayed\":1"), replayed.body());
        HttpResponse<String> audit = admin.send("GET", "/api/audit?actor=application", Map.of(), null);
        assertTrue(audit.body().contains("\"targets\":\"" + letter + "\""), "audited as the application: "
                + audit.body());
    }

    /** The command line over the same API: tables, actions, and a clear message and exit code for each failure. */
    private static void assertTheCommandLine(ConsoleServer console, ConsoleClient admin, String failing)
            throws Exception {
        String letter = awaitDeadLetterOf(admin, failing);
        Map<String, String> asAdmin = Map.of("STENT_CONSOLE_URL", console.consoleUrl(), "STENT_CONSOLE_USER", "admin",
                "STENT_CONSOLE_PASSWORD", ConsoleServer.ADMIN_PASSWORD);
        Cli listed = Cli.run(asAdmin, "dlq", "list", "--execution", failing);
        assertEquals(0, listed.exit, listed.err);
        assertTrue(listed.out.contains(letter) && listed.out.contains("chores.fail"), listed.out);
        Cli json = Cli.run(asAdmin, "--json", "dlq", "show", letter);
        assertTrue(json.out.startsWith("{") && json.out.contains("\"executionId\":\"" + failing + "\""), json.out);
        Cli shown = Cli.run(asAdmin, "executions", "show", failing);
        assertEquals(0, shown.exit, shown.err);
        assertTrue(shown.out.contains("summary: ") && shown.out.contains(failing), shown.out);
        Cli replayed = Cli.run(asAdmin, "dlq", "replay", letter);
        assertEquals(0, replayed.exit, replayed.err);
        assertTrue(replayed.out.contains("outcome: REPLAYED"), replayed.out);
        admin.awaitStatus(failing, "FAILED"); // it fails again after the replay
        Cli retried = Cli.run(asAdmin, "retry", failing);
        assertEquals(0, retried.exit, retried.err);
        assertTrue(retried.out.contains("outcome: REPLAYED"), retried.out);
        HttpResponse<String> audit = admin.send("GET", "/api/audit?operation=execution.retry", Map.of(), null);
        assertTrue(audit.body().contains("\"targets\":\"" + failing + "\""), "the retry is audited: " + audit.body());
        Cli onQueue = Cli.run(asAdmin, "executions", "list", "--queue", "default", "--function", "chores.fail");
        assertEquals(0, onQueue.exit, onQueue.err);
        assertTrue(onQueue.out.contains(failing) && onQueue.out.contains("default"), onQueue.out);
        Cli elsewhereQueue = Cli.run(asAdmin, "executions", "list", "--queue", "no-such-queue");
        assertFalse(elsewhereQueue.out.contains(failing), elsewhereQueue.out);
        Cli bulk = Cli.run(asAdmin, "dlq", "replay", "--filter", "--function", "no-such-function");
        assertEquals(0, bulk.exit, bulk.err);
        assertTrue(bulk.out.contains("replayed: 0"), bulk.out);
        String bulkId = bulk.out.replaceAll("(?s)^bulk replay (\\S+):.*", "$1");
        HttpResponse<String> oneBulk = admin.send("GET", "/api/bulk-replays/" + bulkId, Map.of(), null);
        assertTrue(oneBulk.statusCode() == 200 && oneBulk.body().contains("\"status\":\"COMPLETED\""),
                oneBulk.body());
        HttpResponse<String> noBulk = admin.send("GET", "/api/bulk-replays/no-such-id", Map.of(), null);
        assertTrue(noBulk.statusCode() == 404 && noBulk.body().contains("STENT-1736"), noBulk.body());
        Cli stopNothing = Cli.run(asAdmin, "dlq", "bulk", "stop", "no-such-id");
        assertEquals(4, stopNothing.exit, stopNothing.out);

        String done = console.startExecution("echo", "done");
        admin.awaitStatus(done, "COMPLETED");
        Cli finished = Cli.run(asAdmin, "cancel", done);
        assertEquals(4, finished.exit, finished.out);
        assertTrue(finished.err.contains("STENT-1409"), finished.err);
        String schedule = "nightly<img src=x onerror=window.stentXss=6>";
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Cli schedules = Cli.run(asAdmin, "schedules", "list");
        while (!schedules.out.contains(schedule) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // the first schedule round writes it
            schedules = Cli.run(asAdmin, "schedules", "list");
        }
        assertTrue(schedules.out.contains(schedule) && schedules.out.contains("Europe/Berlin"), schedules.out);
        Cli triggered = Cli.run(asAdmin, "schedules", "trigger", schedule);
        assertEquals(0, triggered.exit, triggered.err);
        assertTrue(triggered.out.contains("outcome: STARTED") && triggered.out.contains("executionId: "), triggered.out);
        assertTheRetentionJobReportsItsRuns(asAdmin,
                ConsoleClient.basic(console.consoleUrl(), "viewer", ConsoleServer.VIEWER_PASSWORD));
        Cli pausedNothing = Cli.run(asAdmin, "schedules", "pause", "no-such-schedule");
        assertEquals(4, pausedNothing.exit);
        assertTrue(pausedNothing.err.contains("STENT-1734"), pausedNothing.err);
        HttpResponse<String> export = admin.send("GET", "/api/executions/export?function=chores.fail", Map.of(),
                null);
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"),
                export.headers().map().toString());
        List<String> lines = export.body().lines().toList();
        assertTrue(!lines.isEmpty() && lines.stream().allMatch(line -> line.startsWith("{")
                && line.contains("\"summary\"") && line.contains("\"function\":\"chores.fail\"")), export.body());
        assertTrue(lines.stream().anyMatch(line -> line.contains(failing) && line.contains("\"arguments\":")
                && line.contains("\"error\":")), "whole: values and error: " + export.body());
        Cli exported = Cli.run(asAdmin, "executions", "export", "--function", "chores.fail");
        assertEquals(0, exported.exit, exported.err);
        assertEquals(lines.size(), exported.out.lines().count(), exported.out);
        HttpResponse<String> exportAudit = admin.send("GET", "/api/audit?operation=executions.export", Map.of(), null);
        assertTrue(exportAudit.body().contains("\"EXPORTED\""), "the export is audited: " + exportAudit.body());
        Cli notFailed = Cli.run(asAdmin, "retry", done);
        assertEquals(0, notFailed.exit, notFailed.err);
        assertTrue(notFailed.out.contains("outcome: NOT_FAILED"), notFailed.out);
        Cli retryUnknown = Cli.run(asAdmin, "retry", "no-such-id");
        assertEquals(4, retryUnknown.exit);
        assertTrue(retryUnknown.err.contains("STENT-1404"), retryUnknown.err);
        Cli unknown = Cli.run(asAdmin, "executions", "show", "no-such-id");
        assertEquals(4, unknown.exit);
        assertTrue(unknown.err.contains("STENT-1404"), unknown.err);
        Cli badJson = Cli.run(asAdmin, "signal", done, "go", "{oops");
        assertEquals(4, badJson.exit);
        assertTrue(badJson.err.contains("STENT-1716"), badJson.err);

        Cli wrong = Cli.run(Map.of(), "--url", console.consoleUrl(), "--user", "admin", "--password", "wrong",
                "executions", "list");
        assertEquals(3, wrong.exit);
        assertTrue(wrong.err.contains("refused the user name or password"), wrong.err);
        Cli viewer = Cli.run(Map.of(), "--url", console.consoleUrl(), "--user", "viewer", "--password",
                ConsoleServer.VIEWER_PASSWORD, "cancel", done);
        assertEquals(3, viewer.exit);
        assertTrue(viewer.err.contains("STENT-1721"), viewer.err);
        Cli elsewhere = Cli.run(Map.of(), "--url", console.server.baseUrl() + "/nothing-here", "--user", "admin",
                "--password", "x", "executions", "list");
        assertEquals(2, elsewhere.exit, elsewhere.err);
    }

    /**
     * The retention job, triggered from the command line, runs on the console's server and its run is
     * listed with what it deleted, to viewers too.
     */
    private static void assertTheRetentionJobReportsItsRuns(Map<String, String> asAdmin, ConsoleClient viewer)
            throws Exception {
        Cli triggered = Cli.run(asAdmin, "schedules", "trigger", "stent.retention");
        assertEquals(0, triggered.exit, triggered.err);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Cli runs = Cli.run(asAdmin, "retention", "runs");
        while (!runs.out.contains("COMPLETED") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
            runs = Cli.run(asAdmin, "retention", "runs");
        }
        assertEquals(0, runs.exit, runs.err);
        assertTrue(runs.out.contains("COMPLETED") && runs.out.contains("executions"), runs.out);
        HttpResponse<String> listed = viewer.send("GET", "/api/retention-runs", Map.of(), null);
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"status\":\"COMPLETED\"") && listed.body().contains("\"batches\":"),
                listed.body());
        Cli unknown = Cli.run(asAdmin, "retention", "purge");
        assertEquals(1, unknown.exit, unknown.err);
        assertTrue(unknown.err.contains("unknown retention action 'purge'"), unknown.err);
    }

    /** One run of the command line, in this JVM. */
    private record Cli(int exit, String out, String err) {

        static Cli run(Map<String, String> env, String... args) {
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            int exit = io.stent.cli.StentCli.run(args, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), env);
            return new Cli(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String awaitDeadLetterOf(ConsoleClient admin, String execution) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            HttpResponse<String> letters = admin.send("GET", "/api/dead-letters?execution=" + execution, Map.of(),
                    null);
            String body = letters.body();
            for (String item : body.split("\\},\\{")) {
                if (item.contains("\"executionId\":\"" + execution + "\"")) {
                    return item.replaceAll("(?s).*[{,]\"id\":\"([^\"]+)\".*", "$1");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("execution " + execution + " never reached the dead-letter queue: " + body);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }

    private static void assertLogoutEndsTheSession(ConsoleClient admin) throws Exception {
        admin.fetchCsrfToken();
        HttpResponse<String> logout = admin.change("POST", "/logout", null);
        assertEquals(204, logout.statusCode(), logout.body());
        assertEquals(401, admin.send("GET", "/api/session", Map.of(), null).statusCode(), "logged out");
    }
}
