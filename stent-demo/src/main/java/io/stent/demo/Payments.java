package io.stent.demo;

import io.stent.Durable;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A stateless EJB with a durable step: container-managed transaction, the application's own
 * (unqualified) persistence context.
 */
@Stateless
public class Payments {

    @PersistenceContext
    EntityManager em;

    /**
     * Takes a payment.
     *
     * @param orderRef the order
     * @param cents the amount
     * @return the payment id
     */
    @Durable(name = "demo.charge", maxAttempts = 5, initialBackoff = "PT0.5S", abortOn = ChargeRefusedException.class)
    public long charge(String orderRef, int cents) {
        if (cents <= 0) {
            throw new ChargeRefusedException("order " + orderRef + " costs " + cents + " cents: nothing to charge");
        }
        Payment payment = new Payment(orderRef, cents);
        em.persist(payment);
        em.flush();
        return payment.getId();
    }
}
