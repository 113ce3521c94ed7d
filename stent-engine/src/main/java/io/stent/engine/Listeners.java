package io.stent.engine;

import io.stent.ExecutionInfo;
import io.stent.spi.ExecutionListener;

import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Calls the execution listeners, each isolated: a listener that throws is logged and the work
 * goes on.
 */
final class Listeners {

    private static final Logger LOG = Logger.getLogger(Listeners.class.getName());

    private final List<ExecutionListener> listeners;

    Listeners(List<ExecutionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void taskStarted(ExecutionInfo info) {
        each(info, listener -> listener.taskStarted(info));
    }

    void taskFinished(ExecutionInfo info, String outcome, Throwable failure) {
        each(info, listener -> listener.taskFinished(info, outcome, failure));
    }

    void stepStarted(ExecutionInfo info) {
        each(info, listener -> listener.stepStarted(info));
    }

    void stepFinished(ExecutionInfo info, Throwable failure) {
        each(info, listener -> listener.stepFinished(info, failure));
    }

    void stepRecorded(ExecutionInfo info) {
        each(info, listener -> listener.stepRecorded(info));
    }

    private void each(ExecutionInfo info, Consumer<ExecutionListener> call) {
        for (ExecutionListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, EngineMessages.LISTENER_FAILED.format(listener.getClass().getName(),
                        info.toLogString()), e);
            }
        }
    }
}
