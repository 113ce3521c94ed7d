package io.stent.bench;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives the W1 load inside the server: {@code inflight} callers each call the durable workflow
 * directly (start and await) until {@code workflows} have completed.
 */
@Path("bench")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {

    @Inject
    BenchWorkflow workflow;
    @Resource
    ManagedThreadFactory threads;

    /**
     * Answers once the application is deployed.
     *
     * @return a fixed answer
     */
    @GET
    @Path("ready")
    public Map<String, String> ready() {
        return Map.of("ready", "yes");
    }

    /**
     * Runs the load.
     *
     * @param workflows how many workflows
     * @param inflight how many at once
     * @return workflows, steps, milliseconds and steps per second
     * @throws Exception if a workflow failed
     */
    @POST
    @Path("w1")
    public Map<String, Object> w1(@QueryParam("workflows") int workflows, @QueryParam("inflight") int inflight)
            throws Exception {
        if (workflows < 1 || inflight < 1) {
            throw new IllegalArgumentException("workflows and inflight must be positive");
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> callers = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < inflight; c++) {
            Thread caller = threads.newThread(() -> {
                for (int i = next.getAndIncrement(); i < workflows && failure.get() == null;
                     i = next.getAndIncrement()) {
                    try {
                        if (workflow.run(i) != i + BenchWorkflow.STEPS) {
                            throw new IllegalStateException("wrong result for workflow " + i);
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
            callers.add(caller);
            caller.start();
        }
        for (Thread caller : callers) {
            caller.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a benchmark workflow failed", failure.get());
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        long steps = (long) workflows * BenchWorkflow.STEPS;
        return Map.of("workflows", workflows, "steps", steps, "millis", millis,
                "stepsPerSecond", steps * 1000.0 / millis);
    }
}
