package io.stent.cdi;

import io.stent.ExecutionStatus;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worker's lease and shutdown behaviour, with the engine and the JDBC store on H2 and no
 * container: heartbeats keep a long task, a drain lets running tasks finish, and a task that does
 * not finish in the drain time is released for another worker without spending an attempt.
 */
class WorkerLifecycleTest {

    /** The body of the test function: blocks until the test releases it. */
    public static final class Slow {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(1);

        public String run(String input) throws InterruptedException {
            runs.incrementAndGet();
            entered.countDown();
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return "done " + input;
        }
    }

    private final Slow slow = new Slow();
    private final List<DurableEngine> engines = new ArrayList<>();
    private TestDatabase database;
    private JdbcStore store;
    private FunctionRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        database = TestDatabase.h2();
        store = JdbcStore.on(database.dataSource());
        store.migrator().migrate("test");
        RetryPolicy once = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, List.of(Exception.class), List.of());
        registry = new FunctionRegistry(List.of(new FunctionDefinition("slow", 1, "default", once, null, FunctionDefinition.Routing.DEFAULT, java.util.Set.of(),
                Slow.class.getMethod("run", String.class), slow)));
    }

    @AfterEach
    void tearDown() {
        engines.forEach(DurableEngine::stop);
        database.close();
    }

    private DurableEngine engine(String workerId, Duration drain) {
        DurableEngine[] self = new DurableEngine[1];
        EngineSettings settings = EngineSettings.builder(workerId).workerThreads(2).claimBatch(4)
                .lease(Duration.ofSeconds(1)).heartbeat(Duration.ofMillis(200)).pollMin(Duration.ofMillis(5))
                .pollMax(Duration.ofMillis(50)).awaitTimeout(Duration.ofSeconds(30)).drainTimeout(drain)
                .recoveryInterval(Duration.ofMillis(100)).sleepBlockingLimit(Duration.ofMillis(100)).build();
        self[0] = DurableEngine.builder(registry, store.store())
                .invoker((function, args) -> self[0].intercept(function, args, () -> slow.run((String) args[0])))
                .serializer(new JsonbSerializer()).settings(settings).build();
        engines.add(self[0]);
        self[0].start();
        return self[0];
    }

    private Object[] task(String executionId) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT status, lease_owner, attempt, lease_expires_at"
                     + " FROM stent_task WHERE execution_id = '" + executionId + "'")) {
            return rows.next()
                    ? new Object[] {rows.getString(1), rows.getString(2), rows.getInt(3),
                            rows.getObject(4, OffsetDateTime.class)}
                    : null;
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
        }
    }

    private Object[] taskUnchecked(String executionId) {
        try {
            return task(executionId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void heartbeat_keepsLeaseOfTaskRunningLongerThanLease_noSecondRun() throws Exception {
        DurableEngine engine = engine("worker-a", Duration.ofSeconds(5));
        var handle = engine.startByName("slow", "x");
        assertTrue(slow.entered.await(30, TimeUnit.SECONDS));
        OffsetDateTime firstExpiry = (OffsetDateTime) task(handle.id())[3];
        await(() -> ((OffsetDateTime) taskUnchecked(handle.id())[3]).isAfter(firstExpiry.plusNanos(1_500_000_000L)),
                "the lease was renewed past one and a half lease lengths");
        Object[] task = task(handle.id());
        assertEquals("RUNNING", task[0]);
        assertEquals("worker-a", task[1]);
        assertEquals(1, task[2], "never recovered and claimed again");
        slow.release.countDown();
        assertEquals("done x", handle.await(Duration.ofSeconds(30)));
        assertEquals(1, slow.runs.get());
    }

    @Test
    void start_runsAtOnceOnAFreeThreadOfItsStarter_andQueuesWhenNoThreadIsFree() throws Exception {
        DurableEngine engine = engine("worker-a", Duration.ofSeconds(5));
        var first = engine.startByName("slow", "1");
        Object[] atStart = task(first.id());
        assertEquals("RUNNING", atStart[0], "claimed by its starter in the start's own transaction");
        assertEquals("worker-a", atStart[1]);
        assertEquals(1, atStart[2]);
        var second = engine.startByName("slow", "2");
        await(() -> slow.runs.get() == 2, "both threads run an execution");
        var third = engine.startByName("slow", "3");
        Object[] queued = task(third.id());
        assertEquals("READY", queued[0], "no thread is free: it waits in the queue for any worker");
        assertEquals(null, queued[1], "and no worker holds long tasks back by claiming them ahead");
        assertEquals(2, slow.runs.get());
        slow.release.countDown();
        assertEquals("done 1", first.await(Duration.ofSeconds(30)));
        assertEquals("done 2", second.await(Duration.ofSeconds(30)));
        assertEquals("done 3", third.await(Duration.ofSeconds(30)));
        assertEquals(3, slow.runs.get());
    }

    @Test
    void stop_drainsRunningTask_whenItFinishesInTime() throws Exception {
        DurableEngine engine = engine("worker-a", Duration.ofSeconds(30));
        var handle = engine.startByName("slow", "y");
        assertTrue(slow.entered.await(30, TimeUnit.SECONDS));
        Thread stopper = new Thread(engine::stop);
        stopper.start();
        await(() -> engine.worker().isStopping() || !engine.worker().isAlive(), "the worker began to stop");
        slow.release.countDown();
        stopper.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(ExecutionStatus.COMPLETED, handle.status());
        assertEquals("done y", handle.result());
        assertEquals(1, slow.runs.get());
    }

    @Test
    void stop_releasesTaskThatOutlivesDrain_anotherWorkerFinishesIt_withoutSpendingAnAttempt() throws Exception {
        DurableEngine first = engine("worker-a", Duration.ofMillis(200));
        var handle = first.startByName("slow", "z");
        assertTrue(slow.entered.await(30, TimeUnit.SECONDS));
        first.stop();
        Object[] released = task(handle.id());
        assertEquals("READY", released[0]);
        assertEquals(null, released[1]);
        assertEquals(0, released[2], "the interrupted attempt is given back");
        assertEquals(ExecutionStatus.RUNNING, handle.status(), "not failed by the shutdown");

        slow.release = new CountDownLatch(0);
        engine("worker-b", Duration.ofSeconds(5));
        assertEquals("done z", handle.await(Duration.ofSeconds(30)));
        assertEquals(2, slow.runs.get(), "the released task ran again on the other worker");
    }
}
