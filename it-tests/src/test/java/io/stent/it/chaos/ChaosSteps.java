package io.stent.it.chaos;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** CDI steps: a plain one, a transactional one and a void one. */
@ApplicationScoped
public class ChaosSteps {

    @Inject
    ChaosEffects effects;

    /**
     * A plain step (at-least-once).
     *
     * @param order the order
     * @return a reservation
     */
    @Durable(name = "chaos.reserve")
    public String reserve(OrderId order) {
        effects.record(order, "reserve");
        return "R" + order.asNumber();
    }

    /**
     * A transactional step: its effect and its checkpoint commit together (exactly once).
     *
     * @param order the order
     * @param reservation the reservation
     * @return the amount charged
     */
    @Durable(name = "chaos.charge")
    @Transactional
    public int charge(OrderId order, String reservation) {
        effects.record(order, "charge");
        return order.asNumber() % 97 + reservation.length();
    }

    /**
     * A void step.
     *
     * @param order the order
     */
    @Durable(name = "chaos.notify")
    public void notifyCustomer(OrderId order) {
        effects.record(order, "notify");
    }
}
