package io.stent.cdi;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Test workflows.
 */
@ApplicationScoped
public class Workflows {

    @Inject
    Steps steps;
    @Inject
    Calls calls;
    @Inject
    Composite composite;
    @Inject
    io.stent.Stent stent;

    @Durable
    public String order(String order, int cents) {
        calls.increment("order:" + order);
        String reservation = steps.reserve(order);
        int charged = steps.charge(order, cents);
        Steps.Receipt receipt = steps.ship(order, reservation);
        return receipt.state() + " " + receipt.reservation() + " " + charged;
    }

    /** Fails after two steps on its first attempt only, so its retry replays them. */
    @Durable(maxAttempts = 2, initialBackoff = "PT0.001S")
    public String crashesOnce(String order) {
        String reservation = steps.reserve(order);
        int charged = steps.charge(order, 1);
        if (calls.increment("crash:" + order) == 1) {
            throw new IllegalStateException("simulated crash after step 2");
        }
        return steps.ship(order, reservation).state() + " " + charged;
    }

    @Durable
    public String flakyStep(String key) {
        return steps.flaky(key, 2);
    }

    @Durable(maxAttempts = 3, initialBackoff = "PT0.001S")
    public String compensates(String key) {
        calls.increment("compensates:" + key);
        try {
            return steps.rejects(key);
        } catch (IllegalArgumentException e) {
            return "compensated: " + e.getMessage();
        }
    }

    @Durable(maxAttempts = 3, initialBackoff = "PT0.001S")
    public String propagates(String key) {
        calls.increment("propagates:" + key);
        return steps.rejects(key);
    }

    @Durable(maxAttempts = 1)
    public String failsWithChecked(String key) throws java.io.IOException {
        throw new java.io.IOException("disk gone for " + key);
    }

    /** Calls alpha on the first attempt and beta on the replay: not deterministic. */
    @Durable(maxAttempts = 2, initialBackoff = "PT0.001S")
    public String changesItsMind(String key) {
        if (calls.increment("mind:" + key) == 1) {
            steps.alpha(key);
            throw new IllegalStateException("retry me");
        }
        return steps.beta(key);
    }

    @Durable
    public List<String> nested(String key) {
        return List.of(composite.outer(key), steps.alpha(key));
    }

    @Durable
    public String takesParcel(String key, Parcel parcel) {
        return key + parcel.label();
    }

    /** A value whose accessor fails, so JSON-B cannot write it. */
    public record Parcel(String label) {
        @Override
        public String label() {
            throw new IllegalStateException("no label");
        }
    }

    @Durable
    public String sleeper(String key, long millis) {
        steps.reserve(key);
        stent.sleep(java.time.Duration.ofMillis(millis));
        return steps.beta(key);
    }

    @Durable
    public String approval(String key) {
        steps.reserve(key);
        try {
            return "approved by " + stent.awaitSignal("approval", String.class, java.time.Duration.ofHours(1));
        } catch (io.stent.SignalTimeoutException e) {
            return "timed out";
        } catch (io.stent.ExecutionCancelledException e) {
            steps.alpha(key);
            throw e;
        }
    }

    @Durable
    public String slowStep(String key) {
        try {
            return steps.slow(key);
        } catch (io.stent.StepTimeoutException e) {
            return "timed out";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Durable
    public String blocked(String key) throws InterruptedException {
        steps.block(key);
        return steps.beta(key);
    }

    @Durable(maxAttempts = 1)
    public String checkout(String key) {
        String reservation = steps.reserve(key);
        return reservation + " " + steps.pay(key);
    }

    /** Fans out one child per item, waits for all, sums their results. */
    @Durable
    public int fanOut(String key, int count) {
        List<io.stent.DurableFuture<Integer>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int item = i;
            futures.add(stent.async(() -> steps.charge(key + "-" + item, item)));
        }
        stent.all(futures);
        int sum = 0;
        for (io.stent.DurableFuture<Integer> future : futures) {
            sum += future.get();
        }
        return sum;
    }

    /** Starts a blocked child and a quick one, takes whichever finishes first. */
    @Durable
    public String race(String key) {
        io.stent.DurableFuture<String> slow = stent.async(() -> steps.block(key));
        io.stent.DurableFuture<String> quick = stent.async(() -> steps.beta(key));
        return stent.any(List.of(slow, quick)).get();
    }

    /** Waits for a child that fails, and compensates. */
    @Durable
    public String childFails(String key) {
        io.stent.DurableFuture<String> child = stent.async(() -> steps.rejects(key));
        try {
            return child.get();
        } catch (IllegalArgumentException e) {
            return "child failed: " + e.getMessage();
        }
    }

    /** A child workflow with steps of its own, awaited by its parent. */
    @Durable
    public String parentOfWorkflow(String key) {
        return "parent got " + stent.async(() -> composite.outer(key)).get();
    }

    /** Waits for a blocked child; cancelling the parent cancels the child. */
    @Durable
    public String waitsForBlockedChild(String key) {
        return stent.async(() -> steps.block(key)).get();
    }

    @Durable
    public int quoteInWorkflow(String item) {
        return steps.quote(item) + 1;
    }
}
