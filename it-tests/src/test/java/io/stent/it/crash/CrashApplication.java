package io.stent.it.crash;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The crash test application's REST API. */
@ApplicationPath("api")
public class CrashApplication extends Application {
}
