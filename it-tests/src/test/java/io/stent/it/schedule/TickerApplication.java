package io.stent.it.schedule;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The schedule restart test application's REST API. */
@ApplicationPath("api")
public class TickerApplication extends Application {
}
