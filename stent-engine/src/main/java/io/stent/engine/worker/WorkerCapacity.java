package io.stent.engine.worker;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How much work a worker may take: thread permits (tasks whose code runs at once: the configured
 * thread count) and slots (tasks claimed whose code has not finished: running, or waiting for a
 * thread). Slots are four times the threads, used for claiming ahead only while tasks are short;
 * tasks that only wait for their commit hold neither.
 */
final class WorkerCapacity {

    /** The longest a claim loop waits for room before it looks whether it should stop. */
    static final long WAIT_SLICE_MILLIS = 100;
    /** Runners for waiting tasks are counted to work them off in about this long. */
    private static final double RUNNER_BACKLOG_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final int threads;
    private final int claimBatch;
    private final Semaphore freeThreads;
    private final Semaphore slots;
    private final TaskDurations durations = new TaskDurations();

    WorkerCapacity(int threads, int claimBatch) {
        this.threads = threads;
        this.claimBatch = claimBatch;
        this.freeThreads = new Semaphore(threads);
        this.slots = new Semaphore(4 * threads);
    }

    /** Takes a free thread and a slot at once, if both are free. */
    boolean tryReserve() {
        if (!freeThreads.tryAcquire()) {
            return false;
        }
        if (!slots.tryAcquire()) {
            freeThreads.release();
            return false;
        }
        return true;
    }

    /** Gives back what {@link #tryReserve} took. */
    void cancelReservation() {
        freeThreads.release();
        slots.release();
    }

    /**
     * Takes slots for the next claim and returns how many tasks to claim (0 if there is no room
     * yet: then the caller looks again). Under a backlog it waits for room for a thread count's
     * worth, so that claims stay large instead of one per freed slot; it claims ahead of free
     * threads only while tasks are short, since long ones would wait here while another instance
     * has free threads. Give back what the claim did not use with {@link #unclaimed}.
     *
     * @param backlog whether the last claim took all it asked for
     * @param waitMillis the longest to wait for room before returning 0
     */
    int takeClaimRoom(boolean backlog, long waitMillis) throws InterruptedException {
        int least = backlog ? Math.min(threads, claimBatch) : 1;
        if (!slots.tryAcquire(least, waitMillis, TimeUnit.MILLISECONDS)) {
            return 0;
        }
        int room = least + slots.drainPermits();
        int ahead = durations.areShort() ? 3 * threads : 0;
        int wanted = claimSize(Math.min(Math.min(room, claimBatch), freeThreads.availablePermits() + ahead));
        slots.release(room - wanted);
        if (wanted == 0 && freeThreads.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            freeThreads.release(); // a thread came free: the next look claims for it
        }
        return wanted;
    }

    /**
     * The claim size for room for {@code wanted} tasks: the largest of 1, 2, 3, 4, 6, 8, 12, 16,
     * 24, 32, 48 ... that fits. A claim's size is part of its SQL (so that PostgreSQL can keep one
     * plan for it), and each size is prepared and planned anew on each pooled connection: a few
     * sizes keep that warm-up short. The room left is taken by the next claim.
     */
    static int claimSize(int wanted) {
        if (wanted <= 4) {
            return wanted;
        }
        int power = Integer.highestOneBit(wanted);
        int between = power + power / 2;
        return wanted >= between ? between : power;
    }

    /**
     * How many threads should run {@code waiting} tasks one after another: enough to work them off
     * in about a millisecond at the recent average task duration, at least one, at most one per
     * task and the thread count. Short tasks so share a few threads instead of waking one thread each.
     */
    int runnersFor(int waiting) {
        double needed = Math.ceil(waiting * durations.averageNanos() / RUNNER_BACKLOG_NANOS);
        return (int) Math.max(1, Math.min(Math.min(threads, waiting), needed));
    }

    /** Gives back slots taken for a claim that returned fewer tasks. */
    void unclaimed(int count) {
        slots.release(count);
    }

    /**
     * Takes a free thread permit for a claimed task, if one is free.
     *
     * @return true if taken: then run the task under {@link #hold()}, or {@link #giveBackThread()}
     */
    boolean tryTakeThread() {
        return freeThreads.tryAcquire();
    }

    /** Gives back a permit taken by {@link #tryTakeThread()} that no task used. */
    void giveBackThread() {
        freeThreads.release();
    }

    /**
     * The capacity one claimed task holds while its code runs: the thread permit it was started
     * with (taken by {@link #tryTakeThread()} or {@link #tryReserve()}) and its slot.
     */
    TaskHold hold() {
        return new TaskHold();
    }

    /** What one running task holds: its thread permit and its slot, each given back once. */
    final class TaskHold {
        private final AtomicBoolean thread = new AtomicBoolean(true);
        private final AtomicBoolean slot = new AtomicBoolean(true);
        private final long startedAt = System.nanoTime();

        private TaskHold() {
        }

        /** The task's code is done: its thread and slot go to the next task (idempotent). */
        void bodyDone() {
            if (thread.compareAndSet(true, false)) {
                durations.add(System.nanoTime() - startedAt);
                freeThreads.release();
            }
            if (slot.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }
}
