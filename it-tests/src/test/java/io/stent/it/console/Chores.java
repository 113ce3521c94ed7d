package io.stent.it.console;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** Durable functions whose executions the console shows: one completes, one fails into the dead-letter queue. */
@ApplicationScoped
public class Chores {

    /**
     * Completes with its input.
     *
     * @param text any text
     * @return the same text
     */
    @Durable(name = "chores.echo")
    public String echo(String text) {
        return text;
    }

    /**
     * Fails with its input as the message, once, so that it is dead-lettered at once.
     *
     * @param text the message
     * @return never
     */
    @Durable(name = "chores.fail", maxAttempts = 1)
    public String fail(String text) {
        throw new IllegalStateException(text);
    }
}
