package io.stent.engine;

import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.NewExecution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of starts: top-level starts made at the same time by different threads, outside any
 * transaction, are written together, several per statement and commit.
 * <p>
 * A start queues its execution and, while fewer than {@link #WRITERS} batches are being written,
 * writes everything queued (its own included, up to {@link #MAX_BATCH}) in one transaction on its
 * own thread; otherwise it waits, and a start that finds its execution written by another returns.
 * A start alone writes at once, as before: batches only form while writes are in flight, so they
 * cost no latency. Each start still returns only after the commit that wrote it.
 * <p>
 * A batch that fails is written again one execution at a time, so that one bad start (a value the
 * database refuses) fails its own caller and no other.
 */
final class StartBatcher {

    /** Batches written at once; their writers hold one connection each. */
    static final int WRITERS = 2;
    /** The most executions in one batch. */
    static final int MAX_BATCH = 100;

    /** A queued start. */
    private static final class Pending {
        final NewExecution execution;
        boolean taken;
        boolean done;
        String id;
        Throwable failure;

        Pending(NewExecution execution) {
            this.execution = execution;
        }
    }

    private final ExecutionStore executions;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int writing;

    StartBatcher(ExecutionStore executions) {
        this.executions = executions;
    }

    /**
     * Writes the execution, with others started meanwhile, and returns once it is committed.
     *
     * @param execution a top-level execution
     * @return the id that owns its idempotency key (its own, or an earlier execution's)
     */
    String create(NewExecution execution) {
        Pending mine = new Pending(execution);
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.done) {
                if (!mine.taken && writing < WRITERS) {
                    List<Pending> batch = take();
                    writing++;
                    lock.unlock();
                    try {
                        write(batch);
                    } catch (Throwable e) {
                        // not a store failure (those are each caller's own): every start of the
                        // batch fails with it, none returns without an outcome
                        batch.stream().filter(p -> p.id == null && p.failure == null).forEach(p -> p.failure = e);
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
        return mine.id;
    }

    /** Takes the oldest queued starts: the caller's among them, unless a full batch came before it. */
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
            Pending next = queue.poll();
            next.taken = true;
            batch.add(next);
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        if (batch.size() == 1) {
            writeAlone(batch.get(0));
            return;
        }
        List<String> ids;
        try {
            ids = executions.createAll(batch.stream().map(pending -> pending.execution).toList());
        } catch (RuntimeException e) {
            batch.forEach(this::writeAlone); // each caller gets its own outcome
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).id = ids.get(i);
        }
    }

    private void writeAlone(Pending pending) {
        try {
            pending.id = executions.create(pending.execution);
        } catch (RuntimeException e) {
            pending.failure = e;
        }
    }

}
