package io.stent.cdi;

import io.stent.ExecutionInfo;
import io.stent.spi.ExecutionListener;
import jakarta.enterprise.context.ApplicationScoped;

/** A broken listener: executions must not notice it. */
@ApplicationScoped
public class ThrowingListener implements ExecutionListener {

    @Override
    public void stepStarted(ExecutionInfo info) {
        throw new IllegalStateException("broken tracer");
    }
}
