package io.stent.cdi;

import io.stent.ExecutionInfo;
import io.stent.spi.ExecutionListener;

import java.util.ArrayDeque;

/**
 * Feeds task outcomes and step durations to a {@link StentMeter}. A step's start and end are
 * reported on the thread that runs it, and steps nest (a workflow's inline step runs inside it),
 * so each thread keeps a stack of start times.
 */
final class MetricsListener implements ExecutionListener {

    private final StentMeter meter;
    private final ThreadLocal<ArrayDeque<Long>> stepStarts = ThreadLocal.withInitial(ArrayDeque::new);

    MetricsListener(StentMeter meter) {
        this.meter = meter;
    }

    @Override
    public void taskStarted(ExecutionInfo info) {
        meter.taskStarted(info.function());
    }

    @Override
    public void taskFinished(ExecutionInfo info, String outcome, Throwable failure) {
        meter.taskFinished(info.function(), outcome);
    }

    @Override
    public void stepStarted(ExecutionInfo info) {
        stepStarts.get().push(System.nanoTime());
    }

    @Override
    public void stepFinished(ExecutionInfo info, Throwable failure) {
        Long started = stepStarts.get().poll();
        if (started != null) {
            meter.stepFinished(info.function(), System.nanoTime() - started);
        }
    }
}
