package io.stent.demo;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The demo workflow: reserve, charge, ship. Each call is a recorded step; after a crash the
 * workflow replays and only the unfinished steps run again.
 */
@ApplicationScoped
public class OrderWorkflow {

    @Inject
    Shipping shipping;
    @Inject
    Payments payments;

    /**
     * Places an order.
     *
     * @param request the order
     * @return a summary
     */
    @Durable(name = "demo.placeOrder")
    public String placeOrder(OrderRequest request) {
        String reservation = shipping.reserve(request.item(), request.quantity());
        long payment = payments.charge(request.orderRef(), request.quantity() * request.unitCents());
        long shipment = shipping.ship(request, reservation);
        return "order " + request.orderRef() + ": " + reservation + ", payment " + payment + ", shipment " + shipment;
    }
}
