package io.stent.cdi;

import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness check {@value StentHealth#STORE}: the database answers and its
 * Stent schema is current. Added by {@link StentExtension} only where the Health API is present.
 */
@Readiness
public class StentReadinessCheck implements HealthCheck {

    // The extension, not the runtime: a type added by an extension may not see the jar's beans,
    // while every bean archive sees the extensions.
    @Inject
    StentExtension extension;

    @Override
    public HealthCheckResponse call() {
        return HealthResponses.of(StentHealth.STORE, extension.readiness());
    }
}
