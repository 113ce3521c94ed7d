package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: @Durable belongs on methods. */
@Durable
@ApplicationScoped
public class TypeLevel {

    /** @return anything */
    public String work() {
        return "x";
    }
}
