package io.stent.cdi;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * MicroProfile Health liveness check {@value StentHealth#WORKER}: the worker's claim loops are
 * alive. Added by {@link StentExtension} only where the Health API is present.
 */
@Liveness
public class StentLivenessCheck implements HealthCheck {

    // The extension, not the runtime: a type added by an extension may not see the jar's beans,
    // while every bean archive sees the extensions.
    @Inject
    StentExtension extension;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of(StentHealth.WORKER, extension.liveness());
    }
}
