package io.stent.it.dropin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** An EJB that calls a durable workflow inside its own container-managed transaction. */
@Stateless
public class TransactionalCaller {

    @Inject
    Onboarding onboarding;

    /**
     * Onboards inside this method's transaction.
     *
     * @param name the customer
     * @return the workflow's result
     */
    public String onboardInTransaction(String name) {
        return onboarding.onboard(name);
    }

    @Inject
    io.stent.Stent stent;

    /**
     * Starts an onboarding, then fails, so that this method's transaction rolls back.
     *
     * @param name the customer
     */
    public void startThenFail(String name) {
        stent.start(() -> onboarding.onboard(name),
                io.stent.StartOptions.defaults().withIdempotencyKey("rolled-back-" + name));
        throw new IllegalStateException("the caller fails after its start");
    }

    /**
     * Starts an onboarding, then goes on working for three seconds before its transaction commits.
     *
     * @param name the customer
     * @return when the work was done, just before the commit
     */
    public java.time.Instant startThenWork(String name) {
        stent.start(() -> onboarding.onboard(name),
                io.stent.StartOptions.defaults().withIdempotencyKey("late-" + name));
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime()); // the caller's own work
        }
        return java.time.Instant.now();
    }

    /**
     * Starts an onboarding per name in one batch, keyed by name, inside this method's transaction.
     *
     * @param names the customers
     * @param fail whether to fail after the start, so that this method's transaction rolls back
     * @return the started executions' ids, in the order of the names
     */
    public java.util.List<String> startAll(java.util.List<String> names, boolean fail) {
        java.util.List<io.stent.StartRequest<String>> requests = names.stream()
                .map(name -> io.stent.StartRequest.of(() -> onboarding.onboard(name),
                        io.stent.StartOptions.defaults().withIdempotencyKey("batch-" + name)))
                .toList();
        java.util.List<String> ids = stent.startAll(requests).stream().map(io.stent.ExecutionHandle::id).toList();
        if (fail) {
            throw new IllegalStateException("the caller fails after its batch start");
        }
        return ids;
    }
}
