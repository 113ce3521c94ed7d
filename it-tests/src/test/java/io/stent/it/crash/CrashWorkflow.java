package io.stent.it.crash;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A workflow of three steps. */
@ApplicationScoped
public class CrashWorkflow {

    @Inject
    CrashSteps steps;

    /**
     * Runs the three steps.
     *
     * @param tag the run
     * @return the tag and the sum of the step results
     * @throws InterruptedException when the server stops during step 3
     */
    @Durable(name = "crash.workflow")
    public String run(String tag) throws InterruptedException {
        int total = steps.step(tag, 1) + steps.step(tag, 2) + steps.gated(tag, 3);
        return tag + ":" + total;
    }
}
