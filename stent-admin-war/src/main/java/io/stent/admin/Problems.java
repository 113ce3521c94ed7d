package io.stent.admin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Problem details (RFC 9457) as the console's REST API answers every error: the HTTP status, the
 * STENT code, what went wrong, and the parameter at fault where there is one.
 */
public final class Problems {

    /** The media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /**
     * A problem body.
     *
     * @param status the HTTP status
     * @param code the STENT code
     * @param detail what went wrong, for a person
     * @param parameter the request parameter at fault, or null
     * @return the body
     */
    public static JsonObject body(int status, String code, String detail, String parameter) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", "urn:stent:problem:" + code)
                .add("title", title(status))
                .add("status", status)
                .add("code", code)
                .add("detail", detail);
        if (parameter != null) {
            body.add("parameter", parameter);
        }
        return body.build();
    }

    /**
     * Writes a problem body as the response of a servlet or filter.
     *
     * @param response the response
     * @param status the HTTP status
     * @param code the STENT code
     * @param detail what went wrong
     * @param parameter the parameter at fault, or null
     * @throws IOException if the response cannot be written
     */
    public static void write(HttpServletResponse response, int status, String code, String detail, String parameter)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(status, code, detail, parameter).toString());
    }

    /**
     * Answers 401: the request has no console user.
     *
     * @param response the response
     * @throws IOException if the response cannot be written
     */
    public static void notLoggedIn(HttpServletResponse response) throws IOException {
        write(response, 401, ConsoleMessages.LOGIN_FIRST.code(), ConsoleMessages.LOGIN_FIRST.template(), null);
    }

    /**
     * Splits a message that starts with a STENT code into the code and the rest.
     *
     * @param message the message, e.g. {@code STENT-1702 status 'x' is not ...}
     * @param fallback the code for a message without one
     * @return the code and the detail
     */
    public static String[] codeAndDetail(String message, String fallback) {
        String text = message == null ? "" : message;
        if (text.matches("STENT-\\d{4} .*")) {
            return new String[] {text.substring(0, 10), text.substring(11)};
        }
        return new String[] {fallback, text};
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error" : "Request refused";
        };
    }
}
