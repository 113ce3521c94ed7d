package io.stent.it.crash;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The steps: each records its run in the effect table. */
@ApplicationScoped
public class CrashSteps {

    @Inject
    EffectLog effects;

    /**
     * An ordinary step.
     *
     * @param tag the run
     * @param step its number
     * @return a value derived from the number
     */
    @Durable(name = "crash.step")
    public int step(String tag, int step) {
        effects.record(tag, step);
        return step * 10;
    }

    /**
     * A step that waits while the environment variable CRASH_GATE is not {@code open}, so the
     * test can kill the server while it waits.
     *
     * @param tag the run
     * @param step its number
     * @return a value derived from the number
     * @throws InterruptedException when the server stops while it waits
     */
    @Durable(name = "crash.gated")
    public int gated(String tag, int step) throws InterruptedException {
        awaitGate();
        effects.record(tag, step);
        return step * 10;
    }

    /**
     * Records its effect in its own transaction, then waits at the gate before committing.
     *
     * @param tag the run
     * @param step its number
     * @return a value derived from the number
     * @throws InterruptedException when the server stops while it waits
     */
    @Durable(name = "crash.txGated")
    @jakarta.transaction.Transactional
    public int txGated(String tag, int step) throws InterruptedException {
        effects.record(tag, step);
        effects.mark(tag, "tx");
        awaitGate();
        return step;
    }

    /**
     * Records its effect at once (auto-commit), then waits at the gate.
     *
     * @param tag the run
     * @param step its number
     * @return a value derived from the number
     * @throws InterruptedException when the server stops while it waits
     */
    @Durable(name = "crash.plainGated")
    public int plainGated(String tag, int step) throws InterruptedException {
        effects.record(tag, step);
        effects.mark(tag, "plain");
        awaitGate();
        return step;
    }

    /** Waits while the environment variable CRASH_GATE is not {@code open}; the test kills the server meanwhile. */
    private static void awaitGate() throws InterruptedException {
        while (!"open".equals(System.getenv("CRASH_GATE"))) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            if (Thread.interrupted()) {
                throw new InterruptedException("the server stops");
            }
        }
    }
}
