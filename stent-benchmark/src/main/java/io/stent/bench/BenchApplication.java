package io.stent.bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark's REST API. */
@ApplicationPath("api")
public class BenchApplication extends Application {
}
