package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: an Object parameter cannot be read back. */
@ApplicationScoped
public class ObjectParameter {

    @Durable
    public String handle(Object payload) {
        return String.valueOf(payload);
    }
}
