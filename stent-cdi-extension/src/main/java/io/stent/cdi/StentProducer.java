package io.stent.cdi;

import io.stent.Stent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Makes {@link Stent} injectable.
 */
@ApplicationScoped
public class StentProducer {

    @Inject
    StentRuntime runtime;

    /**
     * The deployment's Stent facade.
     *
     * @return the facade
     */
    @Produces
    public Stent stent() {
        return runtime.engine();
    }
}
