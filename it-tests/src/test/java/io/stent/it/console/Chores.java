package io.stent.it.console;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

/** Durable functions whose executions the console shows: one completes, one fails into the dead-letter queue. */
@ApplicationScoped
public class Chores {

    @jakarta.inject.Inject
    io.stent.Stent stent;
    @jakarta.inject.Inject
    ChoreSteps steps;

    private final java.util.concurrent.atomic.AtomicBoolean healed = new java.util.concurrent.atomic.AtomicBoolean();

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

    /**
     * Fails with its input as the message until {@link #heal()}, then completes with it.
     *
     * @param text the message or result
     * @return the text, once healed
     */
    @Durable(name = "chores.flaky", maxAttempts = 1)
    public String flaky(String text) {
        if (!healed.get()) {
            throw new IllegalStateException(text);
        }
        return text;
    }

    /**
     * Runs a step that completes, then one that fails: the execution fails in its second step.
     *
     * @param text the steps' input
     * @return never
     */
    @Durable(name = "chores.two-steps", maxAttempts = 1)
    public String twoSteps(String text) {
        steps.note(text);
        steps.refuse(text);
        return text;
    }

    /**
     * Runs at 03:00 in Berlin; its schedule's name is built to run script if the console ever
     * inserted it as HTML.
     *
     * @return a fixed answer
     */
    @Durable(name = "chores.nightly")
    @io.stent.DurableSchedule(name = "nightly<img src=x onerror=window.stentXss=6>", cron = "0 0 3 * * *",
            zone = "Europe/Berlin")
    public String nightly() {
        return "slept";
    }

    /** Lets {@link #flaky} complete from now on. */
    public void heal() {
        healed.set(true);
    }

    /**
     * Runs until the file {@code marker} exists (at most ten minutes): a step in flight when the
     * server is killed.
     *
     * @param marker the file that ends it
     * @return the marker
     */
    @Durable(name = "chores.hold", maxAttempts = 1)
    public String hold(String marker) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (!java.nio.file.Files.exists(java.nio.file.Path.of(marker)) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
        return marker;
    }

    /**
     * Waits for a signal {@code go} and returns its payload; its name and queue are built to run
     * script if the console ever inserted them as HTML.
     *
     * @param text ignored
     * @return the signal's payload
     */
    @Durable(name = "chores.<img src=x onerror=window.stentXss=3>", queue = "q\"><script>window.stentXss=4</script>",
            tags = {"gpu", "t<img src=x onerror=window.stentXss=5>"})
    public String oddlyNamed(String text) {
        return stent.awaitSignal("go", String.class, java.time.Duration.ofHours(1));
    }
}
