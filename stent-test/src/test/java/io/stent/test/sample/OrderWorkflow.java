package io.stent.test.sample;

import io.stent.Durable;
import io.stent.Stent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** A workflow as users write them: reserve, wait three days for a cooling-off period, charge, ship. */
@ApplicationScoped
public class OrderWorkflow {

    @Inject
    Shipping shipping;
    @Inject
    Stent stent;

    /** @param order the order @return the tracking code */
    @Durable(name = "orders.place")
    public String place(String order) {
        String reservation = shipping.reserve(order);
        stent.sleep(Duration.ofDays(3));
        shipping.charge(order);
        return shipping.ship(reservation);
    }

    /** Waits for an approval, at most a day. @param order the order @return approved or timed out */
    @Durable(name = "orders.approve")
    public String approve(String order) {
        try {
            return stent.awaitSignal("approved", Boolean.class, Duration.ofDays(1)) ? "approved" : "rejected";
        } catch (io.stent.SignalTimeoutException e) {
            return "timed out";
        }
    }
}
