package io.stent.it.retention;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The retention test application's REST API. */
@ApplicationPath("api")
public class RetentionApplication extends Application {
}
