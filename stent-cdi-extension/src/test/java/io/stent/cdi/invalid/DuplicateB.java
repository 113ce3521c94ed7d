package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** The other of two functions that claim the same name. */
@ApplicationScoped
public class DuplicateB {

    @Durable(name = "shared")
    public String two(String x) {
        return x;
    }
}
