package io.stent.it.dropin;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A CDI workflow whose steps are an EJB method and a CDI method. */
@ApplicationScoped
public class Onboarding {

    @Inject
    CustomerService customers;
    @Inject
    Greeter greeter;
    @Inject
    Ledger ledger;

    /**
     * Registers a customer and greets them.
     *
     * @param name the customer
     * @return the greeting with the customer id
     */
    @Durable(name = "dropin.onboard")
    public String onboard(String name) {
        long id = customers.register(name);
        return greeter.greet(name) + " #" + id;
    }

    /**
     * Books a customer through a transactional step.
     *
     * @param name the customer
     * @return the customer id
     */
    @Durable(name = "dropin.bookFlow")
    public long bookFlow(String name) {
        return ledger.book(name);
    }

    /**
     * Books through a step whose transaction rolls back silently.
     *
     * @param name the customer
     * @return the id the step returned
     */
    @Durable(name = "dropin.silentFlow")
    public long silentFlow(String name) {
        return ledger.bookSilentlyRolledBack(name);
    }
}
