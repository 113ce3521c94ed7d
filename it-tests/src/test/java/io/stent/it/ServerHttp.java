package io.stent.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * HTTP calls to a server the test started, and polling with a deadline that gives up as soon as
 * the server is gone.
 */
public final class ServerHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final BooleanSupplier alive;
    private final Supplier<String> diagnostics;

    /**
     * HTTP access to a server.
     *
     * @param baseUrl e.g. {@code http://127.0.0.1:PORT}
     * @param alive whether the server process still runs
     * @param diagnostics what to show when a wait fails (the log's tail)
     */
    public ServerHttp(String baseUrl, BooleanSupplier alive, Supplier<String> diagnostics) {
        this.baseUrl = baseUrl;
        this.alive = alive;
        this.diagnostics = diagnostics;
    }

    /**
     * The base URL.
     *
     * @return the URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Sends a request.
     *
     * @param method GET or POST
     * @param path the path after the base URL
     * @param timeout how long to wait for the answer
     * @return the response
     * @throws IOException on a connection failure
     */
    public HttpResponse<String> call(String method, String path, Duration timeout) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Polls {@code path} with GET until the body satisfies {@code done}, the deadline passes, or
     * the server is gone.
     *
     * @param path the path to poll
     * @param done the condition on the body
     * @param timeout the deadline
     * @return the last body
     * @throws AssertionError with the diagnostics when the condition is not met
     */
    public String awaitBody(String path, Predicate<String> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!alive.getAsBoolean()) {
                throw new AssertionError("the server exited\n" + diagnostics.get());
            }
            try {
                HttpResponse<String> response = call("GET", path, Duration.ofSeconds(30));
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && done.test(response.body())) {
                    return response.body();
                }
            } catch (IOException e) {
                last = e.toString();
            }
            LockSupport.parkNanos(100_000_000L);
        }
        throw new AssertionError("timed out after " + timeout + " polling " + path + "; last answer: " + last
                + "\n" + diagnostics.get());
    }
}
