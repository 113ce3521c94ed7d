package io.stent.it.chaos;

import io.stent.Durable;
import io.stent.Stent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * The chaos suite's workflow: a plain step, a transactional CDI step, an EJB step, a void step, a
 * durable sleep that suspends, for one order in five a signal, and another EJB step.
 */
@ApplicationScoped
public class ChaosWorkflow {

    @Inject
    ChaosSteps steps;
    @Inject
    Packing packing;
    @Inject
    Stent stent;

    /**
     * Fulfils an order.
     *
     * @param order the order
     * @return a summary
     */
    @Durable(name = "chaos.order")
    public String order(OrderId order) {
        String reservation = steps.reserve(order);
        int charged = steps.charge(order, reservation);
        long parcel = packing.pack(order);
        steps.notifyCustomer(order);
        stent.sleep(Duration.ofMillis(1500));
        String approval = order.asNumber() % 5 == 0
                ? stent.awaitSignal("approve", String.class, Duration.ofMinutes(10)) : "auto";
        return order.tag() + ":" + charged + ":" + approval + ":" + packing.ship(order, parcel);
    }
}
