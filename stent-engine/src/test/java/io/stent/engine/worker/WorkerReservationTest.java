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
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reserving a thread for an execution started here, with a store that claims nothing. */
class WorkerReservationTest {

    private static final FunctionKey FREE = new FunctionKey("free", 1);
    private static final FunctionKey LIMITED = new FunctionKey("limited", 1);

    private final QueuedClaims claims = new QueuedClaims(); // with nothing due: claims nothing

    private Worker worker(TaskHandler handler) {
        EngineSettings settings = EngineSettings.builder("w").workerThreads(1).claimBatch(8)
                .lease(Duration.ofSeconds(5)).heartbeat(Duration.ofSeconds(1)).pollMin(Duration.ofMillis(5))
                .pollMax(Duration.ofMillis(50)).awaitTimeout(Duration.ofSeconds(5)).drainTimeout(Duration.ofSeconds(5))
                .recoveryInterval(Duration.ofSeconds(1)).sleepBlockingLimit(Duration.ZERO).build();
        List<ClaimGroup> groups = List.of(new ClaimGroup(List.of(FREE), List.of(), null),
                new ClaimGroup(List.of(LIMITED), List.of(new ClaimGroup.ConcurrencyLimit("function:limited", 1,
                        "limited", null)), null));
        return new Worker(settings, claims, groups, handler, id -> { }, new Wakeups(),
                Executors.defaultThreadFactory());
    }

    /**
     * Reserves a thread, trying for a while: the claim loops hold the worker's room for an instant
     * while they look for work, and a reservation in that instant is refused.
     */
    private static boolean reserveSoon(Worker worker) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean reserved = worker.tryReserve(FREE);
        while (!reserved && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
            reserved = worker.tryReserve(FREE);
        }
        return reserved;
    }

    private static ClaimedTask task(String id) {
        return new ClaimedTask(id, "e-" + id, "free", 1, 1, "[]", OffsetDateTime.now(), null, false, null, true);
    }

    @Test
    void reservation_isGrantedForAFreeThread_only_andNotForLimitedFunctions() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Worker worker = worker((task, bodyDone) -> {
            running.countDown();
            awaitQuietly(release);
        });
        worker.start();
        try {
            assertFalse(worker.tryReserve(LIMITED), "a limited function always goes through the claim");
            assertTrue(reserveSoon(worker));
            assertTrue(worker.runReserved(task("a")));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            assertFalse(worker.tryReserve(FREE), "its only thread is busy");
            release.countDown();
        } finally {
            worker.stop();
        }
    }

    @Test
    void runReserved_afterTheWorkerStopped_releasesTheTask_forAnotherWorker() {
        Worker worker = worker((task, bodyDone) -> { });
        worker.start();
        assertTrue(reserveSoon(worker));
        worker.stop();
        assertFalse(worker.runReserved(task("b")));
        assertEquals(Set.of("b"), claims.released);
    }

    @Test
    void stop_waitsForADeferredEnd_insteadOfReleasingTheTask() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Runnable> end = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch handedIn = new CountDownLatch(1);
        Worker worker = worker((task, taskEnd) -> {
            end.set(taskEnd.defer());
            taskEnd.bodyDone();
            handedIn.countDown();
        });
        worker.start();
        assertTrue(reserveSoon(worker));
        assertTrue(worker.runReserved(task("c")));
        assertTrue(handedIn.await(10, TimeUnit.SECONDS));
        assertTrue(reserveSoon(worker), "the thread is free once the task's code is done");
        worker.cancelReservation();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            worker.stop();
            stopped.countDown();
        });
        stopper.start();
        assertFalse(stopped.await(300, TimeUnit.MILLISECONDS), "stop waits while the task's commit is pending");
        end.get().run();
        assertTrue(stopped.await(10, TimeUnit.SECONDS));
        assertEquals(Set.of(), claims.released, "a task that ended is not released for another run");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
