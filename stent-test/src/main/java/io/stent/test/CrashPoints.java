package io.stent.test;

import io.stent.ExecutionInfo;
import io.stent.NonDeterministicWorkflowError;
import io.stent.spi.ExecutionListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kit's listener: crashes armed by the test fire here, once each; a non-deterministic replay
 * is kept so that the test fails with it; and the tasks running in the worker are counted, since
 * a task's end reaches the listeners just after it is committed.
 */
final class CrashPoints implements ExecutionListener {

    /** Where a crash is armed: before or after a step's record, at a position. */
    private record Armed(boolean afterRecord, String position) {
    }

    private final List<Armed> armed = new CopyOnWriteArrayList<>();
    private final AtomicInteger fired = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicReference<NonDeterministicWorkflowError> nonDeterminism = new AtomicReference<>();

    void armAfterRecord(String position) {
        armed.add(new Armed(true, position));
    }

    void armBeforeRecord(String position) {
        armed.add(new Armed(false, position));
    }

    int fired() {
        return fired.get();
    }

    /** @return how many tasks the worker runs whose end the listeners have not heard of yet */
    int running() {
        return running.get();
    }

    @Override
    public void taskStarted(ExecutionInfo info) {
        running.incrementAndGet();
    }

    /** The first non-deterministic replay since the last call, or null; forgets it. */
    NonDeterministicWorkflowError takeNonDeterminism() {
        return nonDeterminism.getAndSet(null);
    }

    void reset() {
        armed.clear();
        fired.set(0);
        nonDeterminism.set(null);
    }

    @Override
    public void stepFinished(ExecutionInfo info, Throwable failure) {
        if (failure == null) {
            fire(false, info);
        }
    }

    @Override
    public void stepRecorded(ExecutionInfo info) {
        fire(true, info);
    }

    @Override
    public void taskFinished(ExecutionInfo info, String outcome, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NonDeterministicWorkflowError error) {
                nonDeterminism.compareAndSet(null, error);
                break;
            }
        }
        running.decrementAndGet(); // last: a waiter that sees the task ended sees its non-determinism
    }

    private void fire(boolean afterRecord, ExecutionInfo info) {
        Armed point = new Armed(afterRecord, info.position());
        if (armed.remove(point)) {
            fired.incrementAndGet();
            running.decrementAndGet(); // the task dies here: its end is never reported
            throw new SimulatedCrash((afterRecord ? "after step " : "before the record of step ") + info.position()
                    + " (" + info.function() + ") of execution " + info.executionId());
        }
    }
}
