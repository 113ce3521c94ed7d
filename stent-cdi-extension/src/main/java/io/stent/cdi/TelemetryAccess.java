package io.stent.cdi;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Hands the application's OpenTelemetry (a bean MicroProfile Telemetry provides) to
 * {@link StentExtension} when the application starts, before the Stent runtime is built. Added by
 * the extension only where the OpenTelemetry API is present.
 */
public class TelemetryAccess {

    @Inject
    Instance<OpenTelemetry> telemetry;
    @Inject
    StentExtension extension;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                 Object event) {
        if (telemetry.isResolvable()) {
            extension.openTelemetryFound(telemetry.get());
        }
    }
}
