package io.stent.cdi;

import org.eclipse.microprofile.health.HealthCheckResponse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link StentHealth} reading into a MicroProfile Health response. It uses the response's
 * constructor rather than its builder, which needs the server's provider behind a service lookup.
 */
final class HealthResponses {

    private HealthResponses() {
    }

    static HealthCheckResponse of(String name, StentHealth health) {
        // Health data holds strings, longs and booleans only.
        Map<String, Object> data = new LinkedHashMap<>();
        health.data().forEach((key, value) -> data.put(key, value instanceof Number number ? number.longValue()
                : value instanceof Boolean ? value : String.valueOf(value)));
        return new HealthCheckResponse(name, health.up() ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, data.isEmpty() ? Optional.empty() : Optional.of(data));
    }
}
