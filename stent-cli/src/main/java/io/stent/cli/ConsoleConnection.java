package io.stent.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Calls the console's REST API with HTTP Basic credentials, keeping the session cookie, and sends
 * each change with the session's CSRF token.
 */
final class ConsoleConnection {

    private final URI base;
    private final String authorization;
    private final HttpClient http;
    private String csrfToken;

    ConsoleConnection(String url, String user, String password) {
        this.base = parse(url);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http or https URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliFailure(CliFailure.USAGE, "the console URL '" + url + "' is not valid (" + e.getReason()
                    + "); give one like http://127.0.0.1:8080/stent-admin");
        }
    }

    /** GET a path below {@code /api}. */
    JsonStructure get(String path) {
        return send("GET", path, null);
    }

    /** A change (POST, DELETE) below {@code /api}, with the CSRF token. */
    JsonStructure change(String method, String path, String jsonBody) {
        if (csrfToken == null) {
            csrfToken = ((JsonObject) get("/session")).getString("csrfToken");
        }
        return send(method, path, jsonBody);
    }

    /**
     * Streams a GET below {@code /api} (an export) to {@code out} as it arrives.
     *
     * @param path the path
     * @param out where the body goes
     */
    void download(String path, java.io.OutputStream out) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api" + path))
                .header("Authorization", authorization).GET().build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                if (response.statusCode() >= 200 && response.statusCode() < 300) {
                    body.transferTo(out);
                    out.flush();
                    return;
                }
                String text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                String type = response.headers().firstValue("Content-Type").orElse("");
                throw refuse(response.statusCode(), type.contains("json") ? problemBody(text) : null);
            }
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "cannot reach the console at " + base + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliFailure.UNREACHABLE, "interrupted while calling " + base);
        }
    }

    private JsonStructure send(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (csrfToken != null && !"GET".equals(method)) {
            request.header("X-Stent-Csrf", csrfToken);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "cannot reach the console at " + base + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(CliFailure.UNREACHABLE, "interrupted while calling " + base);
        }
        return answer(response);
    }

    private JsonStructure answer(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonStructure body = json(response);
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw new CliFailure(CliFailure.UNREACHABLE, base + " answered without JSON: is it a Stent console?");
            }
            return body;
        }
        throw refuse(status, body);
    }

    /** The failure a refused call is, from its status and problem body. */
    private CliFailure refuse(int status, JsonStructure body) {
        String problem = body instanceof JsonObject object && object.containsKey("detail")
                ? object.getString("code", "") + " " + object.getString("detail") : "HTTP " + status;
        if (status == 401) {
            throw new CliFailure(CliFailure.REFUSED, "the console refused the user name or password (" + problem + ")");
        }
        if (status == 403) {
            throw new CliFailure(CliFailure.REFUSED, "not allowed: " + problem);
        }
        if (body == null && status == 404) {
            throw new CliFailure(CliFailure.UNREACHABLE, "no Stent console API at " + base + " (HTTP 404)");
        }
        throw new CliFailure(CliFailure.REJECTED, problem);
    }

    private static JsonStructure problemBody(String text) {
        if (text.isBlank()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonStructure structure ? structure : null;
        } catch (JsonParsingException e) {
            return null;
        }
    }

    private static JsonStructure json(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json") || response.body().isBlank()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonStructure structure ? structure : null;
        } catch (JsonParsingException e) {
            return null;
        }
    }
}
