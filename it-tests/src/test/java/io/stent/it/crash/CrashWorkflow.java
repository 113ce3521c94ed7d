package io.stent.it.crash;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A workflow of three steps. */
@ApplicationScoped
public class CrashWorkflow {

    @Inject
    CrashSteps steps;
    @Inject
    io.stent.Stent stent;

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

    /**
     * Runs a transactional and a plain gated step in parallel, as children.
     *
     * @param tag the run
     * @return the tag and the sum of the results
     */
    @Durable(name = "crash.both")
    public String both(String tag) {
        io.stent.DurableFuture<Integer> tx = stent.async(() -> steps.txGated(tag, 20));
        io.stent.DurableFuture<Integer> plain = stent.async(() -> steps.plainGated(tag, 30));
        return tag + ":" + (tx.get() + plain.get());
    }
}
