package io.stent.it.lifecycle;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The lifecycle test application's REST API. */
@ApplicationPath("api")
public class LifecycleApplication extends Application {
}
