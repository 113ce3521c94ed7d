package io.stent.admin;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;

/** Checks a signal sent from the console before it is stored: its name, and that its payload is JSON. */
final class SignalPayloads {

    /** The largest payload the console sends. */
    static final int MAX_CHARS = 256 * 1024;

    private SignalPayloads() {
    }

    static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 150) {
            throw new BadParameterException("name", "STENT-1112 a signal name must be 1 to 150 characters, got '"
                    + name + "'");
        }
        return name;
    }

    static String json(String payload) {
        if (payload == null || payload.isBlank()) {
            return "null";
        }
        if (payload.length() > MAX_CHARS) {
            throw new BadParameterException("payload", "STENT-1715 the signal payload has " + payload.length()
                    + " characters; the console sends at most " + MAX_CHARS);
        }
        try (var reader = Json.createReader(new StringReader(payload))) {
            reader.readValue();
        } catch (JsonParsingException e) {
            throw new BadParameterException("payload", "STENT-1716 the signal payload is not JSON: "
                    + e.getMessage());
        } catch (JsonException e) {
            throw new BadParameterException("payload", "STENT-1716 the signal payload is not one JSON value: "
                    + e.getMessage());
        }
        return payload.trim();
    }
}
