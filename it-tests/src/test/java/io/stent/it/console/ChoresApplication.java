package io.stent.it.console;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST application of the console test's host application. */
@ApplicationPath("api")
public class ChoresApplication extends Application {
}
