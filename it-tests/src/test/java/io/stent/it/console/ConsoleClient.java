package io.stent.it.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** One browser-like client of the console: its own cookies (session), optional Basic credentials. */
final class ConsoleClient {

    private final String base;
    private final HttpClient http;
    private final String basic;
    private String csrf;

    private ConsoleClient(String base, String basic) {
        this.base = base;
        this.basic = basic;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client with no credentials. */
    static ConsoleClient anonymous(String base) {
        return new ConsoleClient(base, null);
    }

    /** A client that sends HTTP Basic credentials with every request. */
    static ConsoleClient basic(String base, String user, String password) {
        return new ConsoleClient(base, "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client that logs in through the login form, and keeps the session cookie. */
    static ConsoleClient form(String base, String user, String password) throws Exception {
        ConsoleClient client = new ConsoleClient(base, null);
        HttpResponse<String> login = client.http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 303 || !login.headers().firstValue("Location").orElse("").endsWith("/stent-admin/")) {
            throw new AssertionError("the login form did not log " + user + " in: " + login.statusCode() + " "
                    + login.headers().map() + " " + login.body());
        }
        return client;
    }

    /** Fetches the session's CSRF token, which later changes send. */
    String fetchCsrfToken() throws Exception {
        HttpResponse<String> session = send("GET", "/api/session", Map.of(), null);
        if (session.statusCode() != 200) {
            throw new AssertionError("api/session: " + session.statusCode() + " " + session.body());
        }
        csrf = session.body().replaceAll(".*\"csrfToken\":\"([^\"]+)\".*", "$1");
        return csrf;
    }

    /** A change with the session's CSRF token and the console's own origin, as the console's page sends it. */
    HttpResponse<String> change(String method, String path, String body) throws IOException, InterruptedException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Stent-Csrf", csrf);
        headers.put("Origin", origin());
        return send(method, path, headers, body);
    }

    String origin() {
        return base.replaceAll("^(https?://[^/]+).*", "$1");
    }

    /** Polls an execution through the API until it has {@code status}, for at most a minute. */
    void awaitStatus(String execution, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = send("GET", "/api/executions/" + execution, Map.of(), null).body();
            if (body.contains("\"status\":\"" + status + "\"")) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
        throw new AssertionError("execution " + execution + " did not become " + status + ": " + body);
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (basic != null) {
            request.header("Authorization", basic);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
