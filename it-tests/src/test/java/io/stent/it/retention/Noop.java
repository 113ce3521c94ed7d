package io.stent.it.retention;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** A durable function, so that the application is one that runs Stent. */
@ApplicationScoped
public class Noop {

    /**
     * @return a fixed answer
     */
    @Durable(name = "retained.noop")
    public String noop() {
        return "ok";
    }
}
