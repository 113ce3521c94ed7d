package io.stent.engine.worker;

import io.stent.engine.EngineSettings;
import io.stent.engine.Wakeups;
import io.stent.engine.WorkerRouting;
import io.stent.engine.store.ClaimGroup;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.FunctionKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a worker hands claimed tasks to its threads: claimed ahead, run once each, released on stop. */
class WorkerDispatchTest {

    private static final FunctionKey FREE = new FunctionKey("free", 1);

    private final QueuedClaims claims = new QueuedClaims();

    private Worker worker(int threads, Duration drainTimeout, TaskHandler handler) {
        EngineSettings settings = EngineSettings.builder("w").workerThreads(threads).lease(Duration.ofSeconds(5))
                .heartbeat(Duration.ofSeconds(1)).pollMin(Duration.ofMillis(2)).pollMax(Duration.ofMillis(20))
                .awaitTimeout(Duration.ofSeconds(5)).drainTimeout(drainTimeout).recoveryInterval(Duration.ofSeconds(1))
                .sleepBlockingLimit(Duration.ZERO).build();
        return new Worker(settings, claims, List.of(new ClaimGroup(List.of(FREE), List.of(), null)), handler,
                id -> { }, new Wakeups(), Executors.defaultThreadFactory());
    }

    private static ClaimedTask task(String id) {
        return new ClaimedTask(id, "e-" + id, "free", 1, 1, "[]", OffsetDateTime.now(), null, false, null, true);
    }

    private void enqueue(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            claims.due.add(task(prefix + i));
        }
    }

    private static void awaitCount(AtomicInteger counter, int expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (counter.get() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertEquals(expected, counter.get(), "tasks run before the deadline");
    }

    @Test
    void shortTasksClaimedAheadOfThreads_eachRunOnce_neverMoreAtOnceThanThreads() {
        int threads = 3;
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Worker worker = worker(threads, Duration.ofSeconds(5), (task, end) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            runs.merge(task.id(), 1, Integer::sum);
            LockSupport.parkNanos(200_000);
            running.decrementAndGet();
            done.incrementAndGet();
        });
        worker.start();
        try {
            enqueue("warm-", 30); // short tasks: the worker starts claiming ahead of its threads
            awaitCount(done, 30);
            enqueue("burst-", 500);
            awaitCount(done, 530);
        } finally {
            worker.stop();
        }
        assertEquals(530, runs.size());
        assertTrue(runs.values().stream().allMatch(count -> count == 1), "each task ran once: " + runs);
        assertTrue(mostAtOnce.get() <= threads, "at most " + threads + " tasks ran at once, saw " + mostAtOnce);
        assertTrue(claims.claimSizes.stream().anyMatch(size -> size > threads),
                "the worker claimed ahead of its free threads: " + claims.claimSizes);
        assertEquals(Set.of(), claims.released);
    }

    @Test
    void afterShortTasks_tasksThatBlock_stillGetEveryFreeThread() throws Exception {
        int threads = 4;
        AtomicInteger done = new AtomicInteger();
        CountDownLatch allBlocking = new CountDownLatch(threads);
        CountDownLatch letThemEnd = new CountDownLatch(1);
        Worker worker = worker(threads, Duration.ofSeconds(5), (task, end) -> {
            if (task.id().startsWith("blocking-")) {
                allBlocking.countDown();
                awaitQuietly(letThemEnd);
            }
            done.incrementAndGet();
        });
        worker.start();
        try {
            enqueue("warm-", 50); // microsecond tasks: one runner would do for many waiting tasks
            awaitCount(done, 50);
            enqueue("blocking-", threads);
            assertTrue(allBlocking.await(20, TimeUnit.SECONDS),
                    "tasks that block found the runners stuck and started on every free thread");
            letThemEnd.countDown();
            awaitCount(done, 50 + threads);
        } finally {
            letThemEnd.countDown();
            worker.stop();
        }
    }

    @Test
    void stop_releasesTasksClaimedAheadThatNeverGotAThread_withoutWaitingForTheDrainTimeout() throws Exception {
        AtomicInteger done = new AtomicInteger();
        CountDownLatch blockerRunning = new CountDownLatch(1);
        CountDownLatch letBlockerEnd = new CountDownLatch(1);
        Set<String> ran = ConcurrentHashMap.newKeySet();
        Worker worker = worker(1, Duration.ofSeconds(60), (task, end) -> {
            ran.add(task.id());
            if (task.id().equals("blocker")) {
                blockerRunning.countDown();
                awaitQuietly(letBlockerEnd);
            }
            done.incrementAndGet();
        });
        worker.start();
        enqueue("warm-", 30);
        awaitCount(done, 30);
        claims.due.add(task("blocker"));
        enqueue("ahead-", 3);
        assertTrue(blockerRunning.await(20, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!claims.due.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertTrue(claims.due.isEmpty(), "the tasks were claimed ahead while the only thread was busy");
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            worker.stop();
            stopped.countDown();
        });
        stopper.start();
        // The running task may finish; the ones that never started go back to the queue at once.
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (claims.released.size() < 3 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        letBlockerEnd.countDown();
        assertTrue(stopped.await(20, TimeUnit.SECONDS), "stop did not wait for the 60 s drain timeout");
        assertEquals(Set.of("ahead-0", "ahead-1", "ahead-2"), claims.released);
        assertTrue(ran.stream().noneMatch(id -> id.startsWith("ahead-")), "released tasks did not run here: " + ran);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
