package io.stent.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit of writes made at the same time by different threads: while {@code writers} batches
 * are being written, the writes that come meanwhile queue, and the next writer (one of their
 * callers, on its own thread) writes all of them, up to {@code maxBatch}, in one store call.
 * <p>
 * A write alone is made at once: batches only form while writes are in flight, so they cost no
 * latency, and fewer, larger writes cost the database less. Each call still returns only after
 * the write that carried it (a commit). A batch that fails with a runtime exception is written
 * again one item at a time, so that an item the database refuses fails its own caller and no other;
 * an {@link Error} fails every caller of its batch.
 *
 * @param <I> what is written
 * @param <O> what each write returns
 */
final class GroupCommit<I, O> {

    /** A queued write. */
    private static final class Pending<I, O> {
        final I item;
        boolean taken;
        boolean done;
        O outcome;
        Throwable failure;

        Pending(I item) {
            this.item = item;
        }
    }

    private final int writers;
    private final int maxBatch;
    private final Function<I, O> writeOne;
    private final Function<List<I>, List<O>> writeAll;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
    private int writing;

    /**
     * @param writers batches written at once (each writer holds a connection)
     * @param maxBatch the most items in one batch
     * @param writeOne writes one item
     * @param writeAll writes several, returning an outcome per item in their order
     */
    GroupCommit(int writers, int maxBatch, Function<I, O> writeOne, Function<List<I>, List<O>> writeAll) {
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.writeOne = writeOne;
        this.writeAll = writeAll;
    }

    /**
     * Writes the item, with others written meanwhile, and returns once it is written.
     *
     * @param item the item
     * @return its outcome
     */
    O write(I item) {
        Pending<I, O> mine = new Pending<>(item);
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.done) {
                if (!mine.taken && writing < writers) {
                    List<Pending<I, O>> batch = take();
                    writing++;
                    lock.unlock();
                    try {
                        write(batch);
                    } catch (Throwable e) {
                        // not the store's refusal of an item (that is each caller's own): every
                        // write of the batch fails with it, none returns without an outcome
                        batch.stream().filter(p -> p.outcome == null && p.failure == null).forEach(p -> p.failure = e);
                    } finally {
                        lock.lock();
                        writing--;
                        batch.forEach(pending -> pending.done = true);
                        written.signalAll();
                    }
                } else {
                    written.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure instanceof RuntimeException e) {
            throw e;
        }
        if (mine.failure instanceof Error e) {
            throw e;
        }
        if (mine.failure != null) {
            throw new IllegalStateException(mine.failure);
        }
        return mine.outcome;
    }

    /** Takes the oldest queued writes: the caller's among them, unless a full batch came before it. */
    private List<Pending<I, O>> take() {
        List<Pending<I, O>> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < maxBatch) {
            Pending<I, O> next = queue.poll();
            next.taken = true;
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Pending<I, O>> batch) {
        if (batch.size() == 1) {
            writeAlone(batch.get(0));
            return;
        }
        List<O> outcomes;
        try {
            outcomes = writeAll.apply(batch.stream().map(pending -> pending.item).toList());
        } catch (RuntimeException e) {
            batch.forEach(this::writeAlone); // each caller gets its own outcome
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).outcome = outcomes.get(i);
        }
    }

    private void writeAlone(Pending<I, O> pending) {
        try {
            pending.outcome = writeOne.apply(pending.item);
        } catch (RuntimeException e) {
            pending.failure = e;
        }
    }
}
