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
}
