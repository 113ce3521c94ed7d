package io.stent.cdi;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A function whose max-attempts is overridden to 1 by configuration.
 */
@ApplicationScoped
public class Overridden {

    @Inject
    Calls calls;

    @Durable(maxAttempts = 5, initialBackoff = "PT0.001S")
    public String work(String key) {
        calls.increment("overridden:" + key);
        throw new IllegalStateException("always fails");
    }
}
