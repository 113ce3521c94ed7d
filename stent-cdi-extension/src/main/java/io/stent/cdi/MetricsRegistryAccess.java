package io.stent.cdi;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Hands the application's MicroProfile metric registry to {@link StentExtension} when the
 * application starts, before the Stent runtime is built. Added by the extension only where the
 * Metrics API is present. The registry is injected rather than looked up: servers produce it
 * from the injection point (its registry scope), which a programmatic look-up does not have.
 */
public class MetricsRegistryAccess {

    @Inject
    Instance<MetricRegistry> registry;
    @Inject
    StentExtension extension;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                 Object event) {
        if (registry.isResolvable()) {
            extension.metricRegistryFound(registry.get());
        }
    }
}
