package io.stent.it.dropin;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean step. */
@ApplicationScoped
public class Greeter {

    /**
     * Greets.
     *
     * @param name who
     * @return the greeting
     */
    @Durable(name = "dropin.greet")
    public String greet(String name) {
        return "welcome " + name;
    }
}
