package io.stent.it.console;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** The steps of {@link Chores#twoSteps}: one that completes and one that always fails. */
@ApplicationScoped
public class ChoreSteps {

    /**
     * Completes.
     *
     * @param text any text
     * @return the text's length
     */
    @Durable(name = "chores.step.note")
    public int note(String text) {
        return text.length();
    }

    /**
     * Always fails, at once.
     *
     * @param text the message
     */
    @Durable(name = "chores.step.refuse", maxAttempts = 1)
    public void refuse(String text) {
        throw new IllegalArgumentException("refused: " + text);
    }
}
