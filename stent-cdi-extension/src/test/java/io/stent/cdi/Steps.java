package io.stent.cdi;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Steps used by the test workflows.
 */
@ApplicationScoped
public class Steps {

    /** For proxies. */
    public Steps() {
    }

    @Inject
    Calls calls;

    @Durable
    public String reserve(String order) {
        calls.increment("reserve:" + order);
        return "R-" + order;
    }

    @Durable
    public int charge(String order, int cents) {
        calls.increment("charge:" + order);
        return cents * 2;
    }

    @Durable
    public Receipt ship(String order, String reservation) {
        calls.increment("ship:" + order);
        return new Receipt(order, reservation, "shipped");
    }

    @Durable(maxAttempts = 3, initialBackoff = "PT0.001S")
    public String flaky(String key, int failures) {
        if (calls.increment("flaky:" + key) <= failures) {
            throw new IllegalStateException("flaky failure " + calls.count("flaky:" + key));
        }
        return "ok after " + calls.count("flaky:" + key);
    }

    @Durable(maxAttempts = 5, initialBackoff = "PT0.001S", abortOn = IllegalArgumentException.class)
    public String rejects(String key) {
        calls.increment("rejects:" + key);
        throw new IllegalArgumentException("bad input " + key);
    }

    @Durable
    public String alpha(String key) {
        calls.increment("alpha:" + key);
        return "alpha";
    }

    @Durable
    public String beta(String key) {
        calls.increment("beta:" + key);
        return "beta";
    }

    /** The result of {@link #ship}. */
    public record Receipt(String order, String reservation, String state) {
    }

    @Durable(timeout = "PT0.2S", maxAttempts = 2, initialBackoff = "PT0.001S")
    public String slow(String key) throws InterruptedException {
        calls.increment("slow:" + key);
        new java.util.concurrent.CountDownLatch(1).await(60, java.util.concurrent.TimeUnit.SECONDS);
        return "finished";
    }

    @Durable
    public String block(String key) throws InterruptedException {
        calls.increment("block:" + key);
        calls.gate(key).await(60, java.util.concurrent.TimeUnit.SECONDS);
        return "unblocked";
    }

    /** Declines while the key's gate is closed; once opened (the "fix"), it succeeds. */
    @Durable(maxAttempts = 2, initialBackoff = "PT0.001S")
    public String pay(String key) {
        calls.increment("pay:" + key);
        if (calls.gate(key).getCount() > 0) {
            throw new PaymentDeclinedException("acct-" + key, 1250);
        }
        return "paid";
    }

    @Inject
    io.stent.Stent stent;

    @Durable
    public String whereAmI(String key) {
        return stent.currentExecution().map(io.stent.ExecutionInfo::toLogString).orElse("nowhere");
    }

    @Durable(cacheFor = "PT1H")
    public int quote(String item) {
        calls.increment("quote:" + item);
        return item.length() * 100;
    }
}
