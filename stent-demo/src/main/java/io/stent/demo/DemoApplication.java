package io.stent.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The demo's REST API under {@code /api}.
 */
@ApplicationPath("api")
public class DemoApplication extends Application {
}
