package io.stent.demo;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A shipment created by the demo's shipping step.
 */
@Entity
@Table(name = "demo_shipment")
public class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;
    private String orderRef;
    private String item;
    private int quantity;

    /** For JPA. */
    protected Shipment() {
    }

    /**
     * Creates a shipment.
     *
     * @param orderRef the order
     * @param item what is shipped
     * @param quantity how many
     */
    public Shipment(String orderRef, String item, int quantity) {
        this.orderRef = orderRef;
        this.item = item;
        this.quantity = quantity;
    }

    /** @return the id */
    public Long getId() {
        return id;
    }

    /** @return the order */
    public String getOrderRef() {
        return orderRef;
    }
}
