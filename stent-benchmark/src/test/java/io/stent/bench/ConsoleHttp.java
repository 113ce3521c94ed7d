package io.stent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The admin console over HTTP as one logged-in user, as the page calls it: HTTP Basic, the
 * session's cookie, and for changes the session's CSRF token and the console's own origin.
 */
final class ConsoleHttp {

    private final String base;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String csrfToken;

    ConsoleHttp(String base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param path the path under the console, without a leading slash
     * @return the body of a 200 answer
     * @throws IllegalStateException on any other answer
     */
    String get(String path) {
        return send(request(path).GET());
    }

    /**
     * A change, with the session's CSRF token.
     *
     * @param path the path under the console
     * @return the body of a 200 answer
     */
    String post(String path) {
        if (csrfToken == null) {
            csrfToken = get("api/session").replaceAll("(?s).*\"csrfToken\":\"([^\"]+)\".*", "$1");
        }
        URI origin = URI.create(base);
        return send(request(path).header("X-Stent-Csrf", csrfToken)
                .header("Origin", origin.getScheme() + "://" + origin.getAuthority())
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/" + path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", authorization);
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
