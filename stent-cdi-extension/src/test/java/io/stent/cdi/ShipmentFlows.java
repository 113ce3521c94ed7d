package io.stent.cdi;

import io.stent.Durable;
import io.stent.DurableFuture;
import io.stent.Stent;
import io.stent.cdi.Freight.Leg;
import io.stent.cdi.Freight.Money;
import io.stent.cdi.Freight.TrackingId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workflows over {@link ShipmentSteps}. */
@ApplicationScoped
public class ShipmentFlows {

    @Inject
    ShipmentSteps steps;
    @Inject
    Calls calls;
    @Inject
    Stent stent;

    /** A void workflow of a void step and an int step. */
    @Durable
    public void dispatch(TrackingId id) {
        steps.inspect(id);
        steps.weigh(id);
        calls.increment("dispatch:" + id.idString());
    }

    /**
     * Runs every kind of step, then fails on its first attempt only: the retry replays each step's
     * recorded result, and the summary shows they read back right.
     */
    @Durable(maxAttempts = 2, initialBackoff = "PT0.001S")
    public String everyResultKind(TrackingId id) {
        steps.inspect(id);
        int weight = steps.weigh(id);
        Optional<Money> price = steps.quote(id, false);
        Optional<Money> free = steps.quote(id, true);
        List<Leg> legs = steps.route(id);
        Map<String, Money> fees = steps.fees(legs.get(1));
        boolean approved = steps.approve(legs.get(0));
        if (calls.increment("everyResultKind:" + id.idString()) == 1) {
            throw new IllegalStateException("simulated crash after every step ran");
        }
        return weight + " " + price.orElseThrow() + " " + free.isPresent() + " " + legs + " " + fees + " " + approved;
    }

    /** The same kinds of results, from child executions. */
    @Durable
    public String children(TrackingId id) {
        DurableFuture<Void> inspected = stent.async(() -> steps.inspect(id));
        DurableFuture<Integer> weight = stent.async(() -> steps.weigh(id));
        DurableFuture<Optional<Money>> free = stent.async(() -> steps.quote(id, true));
        DurableFuture<List<Leg>> legs = stent.async(() -> steps.route(id));
        stent.all(List.of(inspected, weight, free, legs));
        return inspected.get() + " " + weight.get() + " " + free.get().isPresent() + " " + legs.get();
    }

    /** Calls a step whose result is too large to store. */
    @Durable(maxAttempts = 3, initialBackoff = "PT0.001S")
    public int inflated(String key, int length) {
        return steps.inflate(key, length).length();
    }
}
