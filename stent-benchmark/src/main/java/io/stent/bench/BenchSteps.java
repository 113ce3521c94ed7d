package io.stent.bench;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** A trivial step. */
@ApplicationScoped
public class BenchSteps {

    /**
     * Adds one.
     *
     * @param value the input
     * @return the input plus one
     */
    @Durable(name = "bench.step")
    public int step(int value) {
        return value + 1;
    }
}
