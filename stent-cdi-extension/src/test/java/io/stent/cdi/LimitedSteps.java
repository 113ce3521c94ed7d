package io.stent.cdi;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** A step limited to two running at once, and a workflow that calls it as a step. */
@ApplicationScoped
public class LimitedSteps {

    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();

    /** Holds its slot for a moment, so that calls overlap, and notes how many ran at once. */
    @Durable(maxConcurrent = 2)
    public int hold(int n) {
        most.accumulateAndGet(now.incrementAndGet(), Math::max);
        runs.incrementAndGet();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(150));
        now.decrementAndGet();
        return n * 10;
    }

    int most() {
        return most.get();
    }

    int runs() {
        return runs.get();
    }

    /** Workflows that call the limited step as a step. */
    @ApplicationScoped
    public static class Flows {

        @jakarta.inject.Inject
        LimitedSteps steps;

        @Durable
        public int callsLimitedStep(int n) {
            return steps.hold(n) + 1;
        }
    }
}
