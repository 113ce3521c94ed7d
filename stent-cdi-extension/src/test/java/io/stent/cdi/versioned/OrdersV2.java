package io.stent.cdi.versioned;

import io.stent.Durable;
import io.stent.Stent;
import io.stent.cdi.Steps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** Version 2: a different first step, so it cannot replay version 1 executions. */
@ApplicationScoped
public class OrdersV2 {

    @Inject
    Steps steps;
    @Inject
    Stent stent;

    @Durable(name = "versioned", version = 2)
    public String run(String key) {
        steps.alpha(key);
        stent.awaitSignal("go", String.class, Duration.ofHours(1));
        return "v2:" + steps.beta(key);
    }
}
