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
    @Inject
    Tiny tiny;
    @Inject
    io.stent.Stent stent;
    @Inject
    io.stent.cdi.StentRuntime runtime;
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = io.stent.store.StentDataSource.KEY,
            defaultValue = io.stent.store.StentDataSource.DEFAULT)
    String dataSourceName;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    BenchResults results;
    @Inject
    DrainCounter drained;
    @Inject
    Sleeper sleeper;

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

    /**
     * W2: enqueues {@code count} tiny executions held back by a delay, then makes them all due at
     * once and times the drain.
     *
     * @param count how many executions
     * @param inflight how many enqueueing threads
     * @param vacuum whether to VACUUM ANALYZE before the drain
     * @param batch starts per call: 1 for {@code Stent.start}, more for {@code Stent.startAll}
     * @param counters whether to read PostgreSQL's counters around the drain (they take 11 s to settle)
     * @return executions, milliseconds and executions per second of the starts and of the drain
     * @throws Exception on failure
     */
    @POST
    @Path("w2")
    public Map<String, Object> w2(@QueryParam("count") int count, @QueryParam("inflight") int inflight,
                                  @QueryParam("vacuum") boolean vacuum, @QueryParam("batch") int batch,
                                  @QueryParam("counters") boolean counters) {
        results.clear("w2");
        threads.newThread(() -> {
            try {
                results.put("w2", runW2(count, inflight, vacuum, Math.max(1, batch), counters));
            } catch (Exception e) {
                results.put("w2", Map.of("error", e.toString()));
            }
        }).start();
        return Map.of("started", "w2");
    }

    /**
     * The result of a background run, once it finished.
     *
     * @param name the run, e.g. {@code w2}
     * @return the result, or {@code {"running": true}}
     */
    @GET
    @Path("result/{name}")
    public Map<String, Object> result(@jakarta.ws.rs.PathParam("name") String name) {
        return results.get(name);
    }

    private Map<String, Object> runW2(int count, int inflight, boolean vacuum, int batch, boolean counters)
            throws Exception {
        // A burst as users make one: the worker holds its claims while the executions are started,
        // due at once, and drains them when it resumes; the tables are as the burst leaves them
        // unless vacuum asks for a VACUUM ANALYZE first (the figure beside it).
        javax.sql.DataSource dataSource = (javax.sql.DataSource) new javax.naming.InitialContext().lookup(dataSourceName);
        // Read before the burst, so that no pause for the counters to settle lies between the burst
        // and its drain (the burst's inserts change none of the counters reported per task).
        Map<String, Long> countersBefore = counters ? TableCounters.read(dataSource) : Map.of();
        io.stent.engine.worker.Worker worker = runtime.engine().worker();
        worker.pauseClaims(java.time.Duration.ofHours(1));
        AtomicInteger next = new AtomicInteger();
        List<Thread> enqueuers = new ArrayList<>();
        long enqueueStarted = System.nanoTime();
        for (int c = 0; c < inflight; c++) {
            Thread enqueuer = threads.newThread(() -> {
                for (int i = next.getAndAdd(batch); i < count; i = next.getAndAdd(batch)) {
                    if (batch == 1) {
                        int n = i;
                        stent.start(() -> tiny.tiny(n));
                        continue;
                    }
                    List<io.stent.StartRequest<Integer>> requests = new ArrayList<>();
                    for (int n = i; n < Math.min(count, i + batch); n++) {
                        int argument = n;
                        requests.add(io.stent.StartRequest.of(() -> tiny.tiny(argument)));
                    }
                    stent.startAll(requests);
                }
            });
            enqueuers.add(enqueuer);
            enqueuer.start();
        }
        for (Thread enqueuer : enqueuers) {
            enqueuer.join();
        }
        long enqueueMillis = Math.max(1, (System.nanoTime() - enqueueStarted) / 1_000_000);
        drained.reset();
        if (vacuum) {
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE stent_task");
                statement.execute("VACUUM ANALYZE stent_execution");
            }
        }
        java.util.logging.Logger.getLogger(BenchResource.class.getName()).info("bench: W2 drain starts");
        java.util.Optional<MachineCpu> cpuBefore = MachineCpu.read();
        long started = System.nanoTime();
        worker.resumeClaims();
        drained.awaitCompleted(count, started + java.util.concurrent.TimeUnit.MINUTES.toNanos(15));
        // Listeners hear of a completion when it is handed to its group commit; the drain ends
        // when the last commit is done.
        long deadline = System.nanoTime() + 30_000_000_000L;
        int left = remaining(dataSource);
        while (left != 0 && System.nanoTime() < deadline) {
            left = remaining(dataSource);
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        if (left != 0) {
            throw new IllegalStateException("W2: " + count + " reported completed, but " + left + " tasks remain");
        }
        Map<String, Object> result = new java.util.LinkedHashMap<>(Map.of("executions", count, "millis", millis,
                "perSecond", count * 1000.0 / millis));
        result.put("vacuumed", vacuum);
        result.put("startsPerSecond", count * 1000.0 / enqueueMillis);
        if (counters) {
            result.putAll(TableCounters.perTask(countersBefore, TableCounters.read(dataSource), count));
        }
        cpuBefore.flatMap(before -> MachineCpu.read().map(after -> after.since(before))).ifPresent(cpu -> {
            result.put("cpuMillis", cpu.busyMillis());
            result.put("postgresCpuMillis", cpu.postgresMillis());
            result.put("javaCpuMillis", cpu.javaMillis());
            result.put("stealMillis", cpu.stealMillis());
        });
        return result;
    }

    /** W2 tasks not yet completed (a completion deletes its task in the transaction that ends it). */
    private static int remaining(javax.sql.DataSource dataSource) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM stent_task WHERE function_name = 'bench.tiny'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * The heap in use after a full collection, and the JVM's live threads.
     *
     * @return {@code heapBytes} and {@code threads}
     */
    @POST
    @Path("heap")
    public Map<String, Long> heap() {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc(); // a few rounds, so that what is left is what is held
        }
        return Map.of("heapBytes", memory.getHeapMemoryUsage().getUsed(),
                "threads", (long) java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
    }

    /**
     * Starts {@code count} workflows that sleep an hour, in batches of 100, and waits until every
     * one of them is suspended.
     *
     * @param count how many
     * @return the milliseconds until all slept
     * @throws Exception on failure
     */
    @POST
    @Path("sleepers")
    public Map<String, Object> sleepers(@QueryParam("count") int count) throws Exception {
        long started = System.nanoTime();
        for (int from = 0; from < count; from += 100) {
            List<io.stent.StartRequest<Integer>> requests = new ArrayList<>();
            for (int n = from; n < Math.min(count, from + 100); n++) {
                int argument = n;
                requests.add(io.stent.StartRequest.of(() -> sleeper.sleep(argument)));
            }
            stent.startAll(requests);
        }
        javax.sql.DataSource dataSource = (javax.sql.DataSource) new javax.naming.InitialContext().lookup(dataSourceName);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        int suspended = 0;
        while (suspended < count && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT COUNT(*) FROM stent_execution WHERE function_name"
                         + " = 'bench.sleeper' AND status = 'SUSPENDED'")) {
                rows.next();
                suspended = rows.getInt(1);
            }
        }
        if (suspended < count) {
            throw new IllegalStateException("only " + suspended + " of " + count + " sleepers suspended in 10 min");
        }
        return Map.of("sleeping", suspended, "millis", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * W3: with an idle worker, starts one execution at a time and measures until its first step
     * runs.
     *
     * @param samples how many samples
     * @return p50 and p99 in milliseconds
     */
    @POST
    @Path("w3")
    public Map<String, Object> w3(@QueryParam("samples") int samples) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            int sample = tiny.nextSample(); // unique across calls (cold, then warm)
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
            long started = System.nanoTime();
            stent.start(() -> tiny.first(sample)).await(java.time.Duration.ofSeconds(30));
            latencies.add((tiny.firstStepAt(sample) - started) / 1e6);
        }
        java.util.Collections.sort(latencies);
        return Map.of("samples", samples, "p50", latencies.get(samples / 2),
                "p99", latencies.get(Math.min(samples - 1, (int) Math.ceil(samples * 0.99) - 1)));
    }

    /**
     * When a sample's first step ran, by the wall clock, in microseconds since the epoch.
     *
     * @param sample the sample number
     * @return {@code {"at": micros}}, or {@code {"at": -1}} while it has not run
     */
    @GET
    @Path("first-step/{sample}")
    public Map<String, Long> firstStep(@jakarta.ws.rs.PathParam("sample") int sample) {
        java.time.Instant at = tiny.firstStepWallClock(sample);
        return Map.of("at", at == null ? -1L : at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000);
    }
}
