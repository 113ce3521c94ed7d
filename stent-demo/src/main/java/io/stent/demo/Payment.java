package io.stent.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A payment taken by the demo's payment step.
 */
@Entity
@Table(name = "demo_payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;
    private String orderRef;
    private int cents;

    /** For JPA. */
    protected Payment() {
    }

    /**
     * Creates a payment.
     *
     * @param orderRef the order
     * @param cents the amount
     */
    public Payment(String orderRef, int cents) {
        this.orderRef = orderRef;
        this.cents = cents;
    }

    /** @return the id */
    public Long getId() {
        return id;
    }

    /** @return the order */
    public String getOrderRef() {
        return orderRef;
    }

    /** @return the amount */
    public int getCents() {
        return cents;
    }
}
