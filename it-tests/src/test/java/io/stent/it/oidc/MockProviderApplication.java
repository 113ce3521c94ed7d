package io.stent.it.oidc;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** A minimal OpenID Connect provider for the console's tests, deployed as {@code oidc-mock.war}. */
@ApplicationPath("/")
public class MockProviderApplication extends Application {
}
