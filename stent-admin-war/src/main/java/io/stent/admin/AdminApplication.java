package io.stent.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/**
 * The admin REST API under {@code /api}. It publishes no WADL: what the API offers is described by
 * its OpenAPI document, to logged-in users only.
 */
@ApplicationPath("api")
public class AdminApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
