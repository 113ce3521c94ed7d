package io.stent.cdi;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A step that makes durable calls of its own: they are recorded under it.
 */
@ApplicationScoped
public class Composite {

    @Inject
    Steps steps;

    @Durable
    public String outer(String key) {
        return steps.reserve(key) + "+" + steps.beta(key);
    }
}
