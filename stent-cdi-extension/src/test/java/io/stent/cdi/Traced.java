package io.stent.cdi;

import io.stent.Durable;
import io.stent.Stent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** A workflow traced across a suspension: a step, a signal wait, a step and a child execution. */
@ApplicationScoped
public class Traced {

    @Inject
    Stent stent;
    @Inject
    Traced self;

    /** @param key a key @return the steps' results */
    @Durable(name = "traced.flow")
    public String flow(String key) {
        String first = self.first(key);
        String signal = stent.awaitSignal("go", String.class, Duration.ofMinutes(5));
        String second = self.second(key);
        String child = stent.async(() -> self.child(key)).get();
        return first + signal + second + child;
    }

    /** @param key a key @return a result */
    @Durable(name = "traced.first")
    public String first(String key) {
        return "1";
    }

    /** @param key a key @return a result */
    @Durable(name = "traced.second")
    public String second(String key) {
        return "2";
    }

    /** @param key a key @return a result */
    @Durable(name = "traced.child")
    public String child(String key) {
        return "c";
    }
}
