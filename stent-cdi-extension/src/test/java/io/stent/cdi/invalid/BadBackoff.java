package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: the backoff is not an ISO-8601 duration. */
@ApplicationScoped
public class BadBackoff {

    @Durable(initialBackoff = "5 seconds")
    public String work(String x) {
        return x;
    }
}
