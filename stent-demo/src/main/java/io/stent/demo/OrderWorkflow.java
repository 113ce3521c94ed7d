package io.stent.demo;

import io.stent.Durable;
import io.stent.Stent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * The demo's order workflow: reserve, charge and ship as recorded steps. Large orders (more than
 * {@value #APPROVAL_ABOVE} items) wait for an "approval" signal before the charge; preorders sleep
 * for an hour before they ship; a free order (price 0) fails into the dead-letter queue.
 */
@ApplicationScoped
public class OrderWorkflow {

    /** Orders of more items than this wait for approval. */
    static final int APPROVAL_ABOVE = 10;

    @Inject
    Shipping shipping;
    @Inject
    Payments payments;
    @Inject
    Stent stent;

    /**
     * Places an order.
     *
     * @param request the order
     * @return what was done
     */
    @Durable(name = "demo.placeOrder")
    public String placeOrder(OrderRequest request) {
        String reservation = shipping.reserve(request.item(), request.quantity());
        if (request.quantity() > APPROVAL_ABOVE) {
            Boolean approved = stent.awaitSignal("approval", Boolean.class, Duration.ofDays(7));
            if (!Boolean.TRUE.equals(approved)) {
                return "order " + request.orderRef() + ": not approved, " + reservation + " released";
            }
        }
        long payment = payments.charge(request.orderRef(), request.quantity() * request.unitCents());
        if ("preorder".equals(request.item())) {
            stent.sleep(Duration.ofHours(1));
        }
        long shipment = shipping.ship(request, reservation);
        return "order " + request.orderRef() + ": " + reservation + ", payment " + payment + ", shipment " + shipment;
    }
}
