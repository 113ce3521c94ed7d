package io.stent.engine.worker;

import io.stent.engine.store.ClaimedTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hands a worker's claimed tasks to its pool threads. Claimed tasks wait here for a thread permit;
 * a runner is a pool thread that runs waiting tasks one after another while it gets a permit.
 * Starting a runner wakes a parked thread, which for short tasks costs more than the task, so
 * there are only as many runners as work the waiting tasks off in about a millisecond at the
 * recent average task duration; when no runner started a task for a while (they are stuck in long
 * tasks), every free permit gets a runner.
 */
final class TaskRunners {

    /** Tasks wait this long with no runner starting one before the runners count as stuck. */
    private static final long STUCK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final WorkerCapacity capacity;
    private final Consumer<ClaimedTask> runHoldingPermit;
    private final BooleanSupplier running;
    private final Queue<ClaimedTask> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger runners = new AtomicInteger();
    /** When a runner last started a task (or, with no runner, when tasks last came to wait). */
    private volatile long lastStartNanos = System.nanoTime();
    private volatile ExecutorService pool;

    /**
     * @param capacity the worker's thread permits and task durations
     * @param runHoldingPermit runs one task that holds a permit, and gives the permit back
     * @param running whether the worker still takes tasks
     */
    TaskRunners(WorkerCapacity capacity, Consumer<ClaimedTask> runHoldingPermit, BooleanSupplier running) {
        this.capacity = capacity;
        this.runHoldingPermit = runHoldingPermit;
        this.running = running;
    }

    /** Runs tasks on {@code pool} from now on. */
    void start(ExecutorService pool) {
        this.pool = pool;
    }

    /** Queues claimed tasks (already in flight, their slots taken) and starts runners for them. */
    void dispatch(List<ClaimedTask> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        if (runners.get() == 0) {
            lastStartNanos = System.nanoTime(); // no runner can be stuck
        }
        waiting.addAll(tasks);
        startRunners();
    }

    /** Starts the runners the waiting tasks need (see the class comment); call it now and then. */
    void startRunners() {
        int count = waiting.size();
        if (count == 0) {
            return;
        }
        boolean stuck = System.nanoTime() - lastStartNanos > STUCK_NANOS;
        int wanted = stuck ? Integer.MAX_VALUE : capacity.runnersFor(count);
        while (runners.get() < wanted) {
            ClaimedTask next = takeWaitingWithPermit();
            if (next == null) {
                return;
            }
            try {
                startHolding(next);
            } catch (RejectedExecutionException e) {
                // The pool is shutting down: the task waits again, and the worker's stop releases it.
                capacity.giveBackThread();
                waiting.add(next);
                return;
            }
        }
    }

    /**
     * Starts a runner with a task that already holds a thread permit.
     *
     * @param first the task
     * @throws RejectedExecutionException if the pool shut down
     */
    void startHolding(ClaimedTask first) {
        runners.incrementAndGet();
        try {
            pool.execute(() -> run(first));
        } catch (RejectedExecutionException e) {
            runners.decrementAndGet();
            throw e;
        }
    }

    /**
     * Tells whether claimed tasks wait for a thread.
     *
     * @return true if any does
     */
    boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    /**
     * Takes every waiting task out (on stop, to release them for any worker).
     *
     * @return the tasks that never got a thread
     */
    List<ClaimedTask> takeAllWaiting() {
        List<ClaimedTask> taken = new ArrayList<>();
        ClaimedTask task;
        while ((task = waiting.poll()) != null) {
            taken.add(task);
        }
        return taken;
    }

    private void run(ClaimedTask first) {
        ClaimedTask task = first;
        while (task != null) {
            lastStartNanos = System.nanoTime();
            runHoldingPermit.accept(task);
            task = running.getAsBoolean() ? takeWaitingWithPermit() : null;
            if (task == null) {
                runners.decrementAndGet();
                // A task queued while this runner was leaving may have seen it as still running.
                task = running.getAsBoolean() ? takeWaitingWithPermit() : null;
                if (task != null) {
                    runners.incrementAndGet();
                }
            }
        }
    }

    /**
     * Takes the next waiting task together with a free thread permit, or returns null if either is
     * missing. A task is queued before the permit is looked at, and a permit is given back before
     * the queue is: so a task and a permit never both wait unseen.
     */
    private ClaimedTask takeWaitingWithPermit() {
        while (!waiting.isEmpty() && capacity.tryTakeThread()) {
            ClaimedTask next = waiting.poll();
            if (next != null) {
                return next;
            }
            capacity.giveBackThread();
        }
        return null;
    }
}
