package io.stent.cdi;

import io.stent.ExecutionCancelledException;
import io.stent.ExecutionHandle;
import io.stent.ExecutionStatus;
import io.stent.StartOptions;
import io.stent.engine.DurableEngine;
import io.stent.engine.EngineSettings;
import io.stent.engine.FunctionDefinition;
import io.stent.engine.FunctionRegistry;
import io.stent.engine.RetryPolicy;
import io.stent.engine.Sleeper;
import io.stent.engine.TransactionBoundary;
import io.stent.engine.WorkerRouting;
import io.stent.store.JdbcStore;
import io.stent.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two engines (two "instances") on one database of the subclass's choice, without a container:
 * work is shared, never run twice and never lost; idempotent starts race safely; a cancel reaches
 * whichever instance runs the execution.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final double RATE = 20;
    private static final double BURST = 2;

    /** The durable functions' bodies; steps go through the engine that runs the body. */
    public final class Bodies {
        public int work(int n) throws Exception {
            runs.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
            workedOn.computeIfAbsent(Thread.currentThread().getName().startsWith("a-") ? "a" : "b",
                    k -> new AtomicInteger()).incrementAndGet();
            return (Integer) current.get().intercept(step, new Object[] {n}, () -> stepBody(n)) + 1;
        }

        public int step(int n) {
            return n * 2;
        }

        public String blocker(String key) throws Exception {
            current.get().intercept(gateStep, new Object[] {key}, () -> gateBody(key));
            return (String) current.get().intercept(gateStep, new Object[] {key + "-after"},
                    () -> gateBody(key + "-after"));
        }

        public String gate(String key) {
            return key;
        }

        public int limited(int n) {
            limitedOn.computeIfAbsent(Thread.currentThread().getName().startsWith("a-") ? "a" : "b",
                    k -> new AtomicInteger()).incrementAndGet();
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(30));
            concurrent.decrementAndGet();
            return n;
        }

        public int fan(int count) throws Exception {
            DurableEngine engine = current.get();
            List<io.stent.DurableFuture<Integer>> parts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                parts.add(engine.async(() -> (Integer) engine.intercept(piece, new Object[] {n}, () -> null)));
            }
            engine.all(parts);
            int sum = 0;
            for (io.stent.DurableFuture<Integer> part : parts) {
                sum += part.get();
            }
            return sum;
        }

        public int piece(int n) {
            piecesOn.computeIfAbsent(Thread.currentThread().getName().substring(0, 1), k -> new AtomicInteger())
                    .incrementAndGet();
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            return n;
        }

        public int rated(int n) {
            rateStarts.add(System.nanoTime());
            return n;
        }
    }

    private final Bodies bodies = new Bodies();
    private final ThreadLocal<DurableEngine> current = new ThreadLocal<>();
    private volatile DurableEngine blockerRunsOn;
    private final Map<Integer, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> workedOn = new ConcurrentHashMap<>();
    private final CountDownLatch gateEntered = new CountDownLatch(1);
    private final CountDownLatch gateOpen = new CountDownLatch(1);
    private final AtomicInteger afterGate = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final List<Long> rateStarts = java.util.Collections.synchronizedList(new ArrayList<>());
    private FunctionDefinition limited;
    private final Map<String, AtomicInteger> limitedOn = new ConcurrentHashMap<>();
    private FunctionDefinition fan;
    private FunctionDefinition piece;
    private final Map<String, AtomicInteger> piecesOn = new ConcurrentHashMap<>();
    private FunctionDefinition rated;
    private TestDatabase database;
    private FunctionDefinition work;
    private FunctionDefinition step;
    private FunctionDefinition blocker;
    private FunctionDefinition gateStep;
    private DurableEngine engineA;
    private DurableEngine engineB;

    private Object stepBody(int n) {
        return bodies.step(n);
    }

    private Object gateBody(String key) throws InterruptedException {
        if (key.endsWith("-after")) {
            afterGate.incrementAndGet();
            return key;
        }
        blockerRunsOn = current.get();
        gateEntered.countDown();
        gateOpen.await(60, TimeUnit.SECONDS);
        return key;
    }

    /** Creates the database both instances share. */
    abstract TestDatabase createDatabase();

    @BeforeAll
    void startTwoInstances() throws Exception {
        database = createDatabase();
        JdbcStore.on(database.dataSource()).migrator().migrate("test");
        RetryPolicy once = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, List.of(Exception.class), List.of());
        work = new FunctionDefinition("work", 1, "default", once, null, FunctionDefinition.Routing.DEFAULT, java.util.Set.of(),
                Bodies.class.getMethod("work", int.class), bodies);
        step = new FunctionDefinition("step", 1, "default", once, null, FunctionDefinition.Routing.DEFAULT, java.util.Set.of(),
                Bodies.class.getMethod("step", int.class), bodies);
        blocker = new FunctionDefinition("blocker", 1, "default", once, null, FunctionDefinition.Routing.DEFAULT, java.util.Set.of(),
                Bodies.class.getMethod("blocker", String.class), bodies);
        gateStep = new FunctionDefinition("gate", 1, "default", once, null, FunctionDefinition.Routing.DEFAULT, java.util.Set.of(),
                Bodies.class.getMethod("gate", String.class), bodies);
        limited = new FunctionDefinition("limited", 1, "default", once, null,
                new FunctionDefinition.Routing(0, Set.of(), 3), Set.of(), Bodies.class.getMethod("limited", int.class), bodies);
        rated = new FunctionDefinition("rated", 1, "rated", once, null, FunctionDefinition.Routing.DEFAULT, java.util.Set.of(),
                Bodies.class.getMethod("rated", int.class), bodies);
        fan = new FunctionDefinition("fan", 1, "default", once, null, FunctionDefinition.Routing.DEFAULT,
                java.util.Set.of(), Bodies.class.getMethod("fan", int.class), bodies);
        piece = new FunctionDefinition("piece", 1, "default", once, null, FunctionDefinition.Routing.DEFAULT,
                java.util.Set.of(), Bodies.class.getMethod("piece", int.class), bodies);
        engineA = engine("a");
        engineB = engine("b");
    }

    private DurableEngine engine(String name) {
        FunctionRegistry registry = new FunctionRegistry(List.of(work, step, blocker, gateStep, limited, rated, fan,
                piece));
        EngineSettings settings = EngineSettings.builder("worker-" + name).workerThreads(4).claimBatch(8)
                .lease(Duration.ofSeconds(5)).heartbeat(Duration.ofMillis(200)).pollMin(Duration.ofMillis(5))
                .pollMax(Duration.ofMillis(50)).awaitTimeout(WAIT).drainTimeout(Duration.ofSeconds(5))
                .recoveryInterval(Duration.ofSeconds(1)).sleepBlockingLimit(Duration.ofMillis(100))
                .routing(new WorkerRouting(Set.of(), Set.of(), Map.of("rated", new WorkerRouting.QueueLimit(0, RATE,
                        BURST)))).build();
        AtomicInteger threadCount = new AtomicInteger();
        DurableEngine[] self = new DurableEngine[1];
        self[0] = DurableEngine.builder(registry, JdbcStore.on(database.dataSource()).store())
                .invoker((function, args) -> {
                    current.set(self[0]);
                    try {
                        return self[0].intercept(function, args, () -> function.method().invoke(bodies, args));
                    } finally {
                        current.remove();
                    }
                })
                .serializer(new JsonbSerializer()).settings(settings)
                .threads(runnable -> new Thread(runnable, name + "-" + threadCount.incrementAndGet())).build();
        self[0].start();
        return self[0];
    }

    @AfterAll
    void stop() {
        engineA.stop();
        engineB.stop();
        database.close();
    }

    @Test
    void aScheduleBothInstancesRun_startsEachFireTimeOnce_andLosesNone() throws Exception {
        io.stent.ScheduleSpec everySecond = io.stent.ScheduleSpec.cron("* * * * * *")
                .onOverlap(io.stent.ScheduleOverlap.ALLOW_ALL);
        // both instances deploy the same schedule, as a declared one is written by each
        engineA.schedules().save("both", everySecond, step, new Object[] {1}, true);
        engineB.schedules().save("both", everySecond, step, new Object[] {1}, true);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (fireTimes("both").size() < 6) {
            assertTrue(System.nanoTime() < deadline, "the schedule fired: " + fireTimes("both"));
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        assertTrue(engineA.schedules().pause("both"));
        List<java.time.Instant> fires = fireTimes("both");
        for (int i = 1; i < fires.size(); i++) {
            assertEquals(fires.get(i - 1).plusSeconds(1), fires.get(i), "no fire time lost or doubled: " + fires);
        }
        var stored = engineB.schedules().all().stream().filter(s -> s.name().equals("both")).findFirst().orElseThrow();
        assertEquals(fires.size(), stored.fires(), "each fire time started one execution");
        assertEquals(0, stored.dropped());
        assertTrue(engineB.schedules().delete("both"));
    }

    /** The fire times that started executions of a schedule, in order, from their idempotency keys. */
    private List<java.time.Instant> fireTimes(String schedule) throws Exception {
        List<java.time.Instant> fires = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT idempotency_key FROM stent_execution"
                     + " WHERE idempotency_key LIKE 'stent-schedule:" + schedule + "@%'")) {
            while (rows.next()) {
                String key = rows.getString(1);
                fires.add(java.time.Instant.parse(key.substring(key.indexOf('@') + 1)));
            }
        }
        fires.sort(null);
        return fires;
    }

    @Test
    void manyExecutionsOnTwoInstances_eachRunsExactlyOnce_noneIsLost() throws Exception {
        int count = 400;
        List<ExecutionHandle<Object>> handles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            handles.add((i % 2 == 0 ? engineA : engineB).startByName("work", 10_000 + i));
        }
        for (int i = 0; i < count; i++) {
            assertEquals((10_000 + i) * 2 + 1, handles.get(i).await(WAIT), "the result of execution " + i);
        }
        for (int i = 0; i < count; i++) {
            assertEquals(1, runs.get(10_000 + i).get(), "execution " + i + " ran once");
        }
        assertTrue(workedOn.getOrDefault("a", new AtomicInteger()).get() > 0, "instance a worked: " + workedOn);
        assertTrue(workedOn.getOrDefault("b", new AtomicInteger()).get() > 0, "instance b worked: " + workedOn);
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM stent_task")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "no task left behind");
        }
    }

    @Test
    void fanOut_childrenRunInParallelOnBothInstances() {
        assertEquals(780, engineA.startByName("fan", 40).await(WAIT), "0 + 1 + ... + 39");
        assertTrue(piecesOn.getOrDefault("a", new AtomicInteger()).get() > 0, "instance a ran children: " + piecesOn);
        assertTrue(piecesOn.getOrDefault("b", new AtomicInteger()).get() > 0, "instance b ran children: " + piecesOn);
    }

    @Test
    void maxConcurrent_isNeverExceededAcrossInstances() {
        List<ExecutionHandle<Object>> handles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            handles.add((i % 2 == 0 ? engineA : engineB).startByName("limited", i));
        }
        for (int i = 0; i < handles.size(); i++) {
            assertEquals(i, handles.get(i).await(WAIT));
        }
        assertTrue(maxConcurrent.get() <= 3, "at most 3 at once, saw " + maxConcurrent.get());
        assertTrue(maxConcurrent.get() >= 2, "the load ran in parallel, saw " + maxConcurrent.get());
        for (String instance : List.of("a", "b")) {
            assertTrue(limitedOn.getOrDefault(instance, new AtomicInteger()).get() >= 6,
                    "the limited work was shared between the instances: " + limitedOn);
        }
    }

    @Test
    void queueRateLimit_holdsAcrossInstances() {
        List<ExecutionHandle<Object>> handles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            handles.add((i % 2 == 0 ? engineA : engineB).startByName("rated", i));
        }
        for (ExecutionHandle<Object> handle : handles) {
            handle.await(WAIT);
        }
        List<Long> starts = new ArrayList<>(rateStarts);
        java.util.Collections.sort(starts);
        assertEquals(30, starts.size());
        double slack = 0.05;
        for (int i = 0; i < starts.size(); i++) {
            for (int j = i; j < starts.size(); j++) {
                double seconds = (starts.get(j) - starts.get(i)) / 1e9;
                int started = j - i + 1;
                assertTrue(started <= BURST + RATE * (seconds + slack) + 1,
                        started + " starts within " + seconds + " s exceed " + RATE + "/s with burst " + BURST);
            }
        }
        double total = (starts.get(starts.size() - 1) - starts.get(0)) / 1e9;
        assertTrue(total >= (30 - BURST - 1) / RATE - slack, "30 starts took only " + total + " s");
    }

    @Test
    void concurrentStartsWithOneKey_onTwoInstances_createExactlyOneExecution() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            DurableEngine engine = i % 2 == 0 ? engineA : engineB;
            ids.add(callers.submit(() -> {
                go.await();
                return engine.startByName("work", StartOptions.defaults().withIdempotencyKey("one-key"), 0).id();
            }));
        }
        go.countDown();
        Set<String> distinct = new HashSet<>();
        for (Future<String> id : ids) {
            distinct.add(id.get(60, TimeUnit.SECONDS));
        }
        callers.shutdown();
        assertEquals(1, distinct.size(), "one execution for one key: " + distinct);
    }

    @Test
    void cancelOnOneInstance_reachesTheOtherInstancesRunningExecution() throws Exception {
        ExecutionHandle<Object> handle = engineA.startByName("blocker", "k");
        assertTrue(gateEntered.await(60, TimeUnit.SECONDS));
        DurableEngine holder = blockerRunsOn;
        DurableEngine other = holder == engineA ? engineB : engineA;
        other.cancel(handle.id());
        assertTrue(!other.cancelReceived(handle.id()), "the cancelling instance does not run it");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!holder.cancelReceived(handle.id())) {
            assertTrue(System.nanoTime() < deadline, "the holder's heartbeat never delivered the cancel");
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        gateOpen.countDown();
        assertThrows(ExecutionCancelledException.class, () -> handle.await(WAIT));
        assertEquals(ExecutionStatus.CANCELLED, handle.status());
        assertEquals(0, afterGate.get(), "the durable call after the cancel did not run");
    }
}
