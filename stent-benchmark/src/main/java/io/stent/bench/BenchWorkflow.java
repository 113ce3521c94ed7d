package io.stent.bench;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A workflow of ten trivial steps. */
@ApplicationScoped
public class BenchWorkflow {

    /** Steps per workflow. */
    static final int STEPS = 10;

    @Inject
    BenchSteps steps;

    /**
     * Runs ten steps.
     *
     * @param start the first input
     * @return {@code start + 10}
     */
    @Durable(name = "bench.workflow")
    public int run(int start) {
        int value = start;
        for (int i = 0; i < STEPS; i++) {
            value = steps.step(value);
        }
        return value;
    }
}
