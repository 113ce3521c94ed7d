package io.stent.cdi.invalid;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** Invalid: a negative concurrency limit. */
@ApplicationScoped
public class NegativeLimit {

    @Durable(maxConcurrent = -1)
    public String work(String x) {
        return x;
    }
}
