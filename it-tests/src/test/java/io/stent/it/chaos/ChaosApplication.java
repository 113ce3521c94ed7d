package io.stent.it.chaos;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The chaos suite's application: its REST API. */
@ApplicationPath("api")
public class ChaosApplication extends Application {
}
