package io.stent.it.demo;

import io.stent.it.PayaraProcess;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's demo application on Payara Micro's embedded H2, started for the first time on a
 * fresh root directory: bad input gets JSON answers, its orders reach every state the console
 * shows (completed, sleeping, waiting for a signal, failed), an approval signal completes a large
 * order, and the first start logs no stack trace.
 */
class DemoIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void badInputGetsJson_ordersReachEveryState_andTheFirstStartLogsNoStackTrace() throws Exception {
        Path work = Path.of(System.getProperty("stent.it.work", "target/it-work"))
                .resolve("demo-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(work);
        Path demo = Path.of(System.getProperty("stent.demoWar", "../stent-demo/target/demo.war"));
        try (PayaraProcess server = PayaraProcess.start(work.resolve("root"), work.resolve("server.log"), Map.of(),
                List.of("--deploy", demo.toString()))) {
            server.awaitBody("/demo/", body -> body.contains("durable order workflow"), Duration.ofMinutes(4));
            String startLog = server.log();

            HttpResponse<String> malformed = post(server, "/demo/api/orders", "{oops");
            assertEquals(400, malformed.statusCode(), malformed.body());
            assertJson(malformed);
            HttpResponse<String> wrongType = post(server, "/demo/api/orders", "{\"orderRef\":\"x\",\"quantity\":\"many\"}");
            assertEquals(400, wrongType.statusCode(), wrongType.body());
            HttpResponse<String> unknown = server.call("GET", "/demo/api/orders/no-such-order");
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertJson(unknown);

            String done = order(server, "book", 1, 1299);
            String preorder = order(server, "preorder", 1, 2599);
            String bulk = order(server, "book", 20, 999);
            String free = order(server, "book", 1, 0);
            awaitStatus(server, done, "COMPLETED");
            awaitStatus(server, preorder, "SUSPENDED");
            awaitStatus(server, bulk, "SUSPENDED");
            awaitStatus(server, free, "FAILED");
            HttpResponse<String> approved = post(server, "/demo/api/orders/" + bulk + "/approval", null);
            assertEquals(200, approved.statusCode(), approved.body());
            awaitStatus(server, bulk, "COMPLETED");

            for (String trace : List.of("Exception", "SEVERE", "EclipseLink-4002")) {
                assertFalse(startLog.contains(trace), "the first start logs no " + trace + ":\n" + startLog.lines()
                        .filter(line -> line.contains(trace)).limit(5).toList());
            }
        }
    }

    private String order(PayaraProcess server, String item, int quantity, int cents) throws Exception {
        HttpResponse<String> started = post(server, "/demo/api/orders", "{\"orderRef\":\"" + UUID.randomUUID()
                + "\",\"item\":\"" + item + "\",\"quantity\":" + quantity + ",\"unitCents\":" + cents + "}");
        assertEquals(200, started.statusCode(), started.body());
        return started.body().replaceAll(".*\"executionId\":\"([^\"]+)\".*", "$1");
    }

    private static void awaitStatus(PayaraProcess server, String id, String status) {
        server.awaitBody("/demo/api/orders/" + id, body -> body.contains("\"status\":\"" + status + "\""),
                Duration.ofMinutes(1));
    }

    private HttpResponse<String> post(PayaraProcess server, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertJson(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().map().toString());
        assertTrue(response.body().startsWith("{") && response.body().contains("\"error\""), response.body());
    }
}
