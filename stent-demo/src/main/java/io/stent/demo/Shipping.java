package io.stent.demo;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * A CDI bean with transactional durable steps.
 */
@ApplicationScoped
public class Shipping {

    @PersistenceContext
    EntityManager em;

    /** Freight ships slowly, so that the console always has a running execution to show. */
    static final Duration FREIGHT = Duration.ofMinutes(10);

    @Inject
    @ConfigProperty(name = "demo.shipping.delay", defaultValue = "PT0S")
    String delay;

    /**
     * Checks the item is in stock and reserves it.
     *
     * @param item the item
     * @param quantity how many
     * @return a reservation reference
     */
    @Durable(name = "demo.reserve", abortOn = IllegalArgumentException.class)
    public String reserve(String item, int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive, got " + quantity);
        }
        return "RSV-" + item + "-" + quantity;
    }

    /**
     * Ships the order, after the configured delay.
     *
     * @param request the order
     * @param reservation the reservation
     * @return the shipment id
     */
    @Durable(name = "demo.ship")
    @Transactional
    public long ship(OrderRequest request, String reservation) {
        try {
            Thread.sleep("freight".equals(request.item()) ? FREIGHT.toMillis() : Duration.parse(delay).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while shipping " + request.orderRef(), e);
        }
        Shipment shipment = new Shipment(request.orderRef(), request.item(), request.quantity());
        em.persist(shipment);
        em.flush();
        return shipment.getId();
    }
}
