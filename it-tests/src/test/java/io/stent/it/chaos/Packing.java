package io.stent.it.chaos;

import io.stent.Durable;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** EJB steps with container-managed transactions: exactly once. */
@Stateless
public class Packing {

    @Inject
    ChaosEffects effects;

    /**
     * Packs an order.
     *
     * @param order the order
     * @return a parcel number
     */
    @Durable(name = "chaos.pack")
    public long pack(OrderId order) {
        effects.record(order, "pack");
        // Packing takes a moment: some steps are always in flight when an instance is killed.
        java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(200));
        return order.asNumber() * 7L;
    }

    /**
     * Ships an order.
     *
     * @param order the order
     * @param parcel the parcel
     * @return the shipment
     */
    @Durable(name = "chaos.ship")
    public String ship(OrderId order, long parcel) {
        effects.record(order, "ship");
        return "S" + parcel;
    }
}
