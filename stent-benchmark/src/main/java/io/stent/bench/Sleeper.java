package io.stent.bench;

import io.stent.Durable;
import io.stent.Stent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** A workflow that sleeps an hour (the scale benchmark's sleeping workflows). */
@ApplicationScoped
public class Sleeper {

    @Inject
    Stent stent;

    /**
     * Sleeps an hour, then returns its input.
     *
     * @param n the input
     * @return the input
     */
    @Durable(name = "bench.sleeper")
    public int sleep(int n) {
        stent.sleep(Duration.ofHours(1));
        return n;
    }
}
