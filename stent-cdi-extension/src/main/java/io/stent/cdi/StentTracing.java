package io.stent.cdi;

import io.stent.spi.ExecutionListener;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Connects Stent to OpenTelemetry where the server has MicroProfile Telemetry: a listener that
 * makes spans of attempts and steps, and the trace context each start stores. Elsewhere nothing
 * is loaded and nothing changes.
 *
 * @param listener makes the spans
 * @param traceContext the calling thread's W3C traceparent, or null
 */
record StentTracing(ExecutionListener listener, Supplier<String> traceContext) {

    /**
     * The tracing on the application's OpenTelemetry, if there is one.
     *
     * @param telemetry the application's {@code OpenTelemetry}, or null
     * @return the tracing
     */
    static Optional<StentTracing> of(Object telemetry) {
        if (telemetry == null) {
            return Optional.empty();
        }
        // OpenTelemetryTracer is only loaded when this line runs with an OpenTelemetry
        OpenTelemetryTracer tracer = OpenTelemetryTracer.on(telemetry);
        return Optional.of(new StentTracing(tracer, tracer::currentTraceParent));
    }
}
