package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** One of two functions that claim the same name. */
@ApplicationScoped
public class DuplicateA {

    @Durable(name = "shared")
    public String one(String x) {
        return x;
    }
}
