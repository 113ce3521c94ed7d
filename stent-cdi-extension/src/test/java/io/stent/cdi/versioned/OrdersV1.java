package io.stent.cdi.versioned;

import io.stent.Durable;
import io.stent.Stent;
import io.stent.cdi.Steps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** Version 1 of the "versioned" workflow: reserve, wait, beta. */
@ApplicationScoped
public class OrdersV1 {

    @Inject
    Steps steps;
    @Inject
    Stent stent;

    @Durable(name = "versioned", version = 1)
    public String run(String key) {
        steps.reserve(key);
        stent.awaitSignal("go", String.class, Duration.ofHours(1));
        return "v1:" + steps.beta(key);
    }
}
