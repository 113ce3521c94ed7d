package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: a private durable method cannot be intercepted. */
@ApplicationScoped
public class PrivateDurable {

    @Durable
    private String hidden(String x) {
        return x;
    }

    /** @return keeps the private method used */
    public String use() {
        return hidden("x");
    }
}
