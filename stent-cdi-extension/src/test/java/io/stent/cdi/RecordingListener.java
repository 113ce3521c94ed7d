package io.stent.cdi;

import io.stent.ExecutionInfo;
import io.stent.spi.ExecutionListener;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what it is told, as text. */
@ApplicationScoped
public class RecordingListener implements ExecutionListener {

    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void taskStarted(ExecutionInfo info) {
        events.add(info.executionId() + " task-start " + info.function() + " " + info.attempt());
    }

    @Override
    public void taskFinished(ExecutionInfo info, String outcome, Throwable failure) {
        events.add(info.executionId() + " task-end " + outcome);
    }

    @Override
    public void stepStarted(ExecutionInfo info) {
        events.add(info.executionId() + " step-start " + info.position() + " " + info.function() + " "
                + info.attempt() + " " + !info.taskId().isEmpty());
    }

    @Override
    public void stepFinished(ExecutionInfo info, Throwable failure) {
        events.add(info.executionId() + " step-end " + info.position() + " "
                + (failure == null ? "ok" : failure.getClass().getSimpleName()));
    }

    List<String> of(String executionId) {
        return events.stream().filter(e -> e.startsWith(executionId + " "))
                .map(e -> e.substring(executionId.length() + 1)).toList();
    }
}
