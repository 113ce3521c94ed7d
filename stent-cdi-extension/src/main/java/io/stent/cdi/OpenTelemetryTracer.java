package io.stent.cdi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.stent.ExecutionInfo;
import io.stent.spi.ExecutionListener;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Stent's spans, where MicroProfile Telemetry (OpenTelemetry) is present: each attempt of an
 * execution is a span, a child of the span that started the execution (its stored W3C
 * traceparent, so the trace goes on wherever and whenever the attempt runs), and each step a
 * span under its attempt. Only loaded where the API is (see {@link StentTracing}).
 */
final class OpenTelemetryTracer implements ExecutionListener {

    static final AttributeKey<String> EXECUTION = AttributeKey.stringKey("stent.execution.id");
    static final AttributeKey<String> TASK = AttributeKey.stringKey("stent.task.id");
    static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("stent.function");
    static final AttributeKey<Long> VERSION = AttributeKey.longKey("stent.function.version");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("stent.attempt");
    static final AttributeKey<String> POSITION = AttributeKey.stringKey("stent.step.position");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("stent.outcome");
    /** Task outcomes that are failures of the attempt. */
    private static final Set<String> FAILED = Set.of("FAILED", "RETRY", "EXPIRED", "CANCELLED");

    /** A span this thread opened, with the scope that makes it current. */
    private record Open(Span span, Scope scope) {
    }

    private final Tracer tracer;
    private final ThreadLocal<Deque<Open>> open = ThreadLocal.withInitial(ArrayDeque::new);

    /** The tracer on {@code telemetry}, an {@link OpenTelemetry}. */
    static OpenTelemetryTracer on(Object telemetry) {
        return new OpenTelemetryTracer(((OpenTelemetry) telemetry).getTracer("io.stent",
                io.stent.engine.StentVersion.current()));
    }

    OpenTelemetryTracer(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * The W3C traceparent of the calling thread's current span, stored with an execution it starts.
     *
     * @return the traceparent, or null outside a (sampled or not) valid span
     */
    String currentTraceParent() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex() : null;
    }

    @Override
    public void taskStarted(ExecutionInfo info) {
        closeAbandoned();
        Span span = attributes(tracer.spanBuilder(info.function()).setParent(parentOf(info.traceParent())), info)
                .startSpan();
        open.get().push(new Open(span, span.makeCurrent()));
    }

    @Override
    public void taskFinished(ExecutionInfo info, String outcome, Throwable failure) {
        Open attempt = open.get().poll();
        if (attempt == null) {
            return;
        }
        attempt.span().setAttribute(OUTCOME, outcome);
        if (failure != null && FAILED.contains(outcome)) {
            attempt.span().recordException(failure);
        }
        attempt.span().setStatus(FAILED.contains(outcome) ? StatusCode.ERROR : StatusCode.OK);
        attempt.scope().close();
        attempt.span().end();
    }

    @Override
    public void stepStarted(ExecutionInfo info) {
        Span span = attributes(tracer.spanBuilder(info.function()), info).setAttribute(POSITION, info.position())
                .startSpan(); // a child of the current span: the attempt's, or the enclosing step's
        open.get().push(new Open(span, span.makeCurrent()));
    }

    @Override
    public void stepFinished(ExecutionInfo info, Throwable failure) {
        Open step = open.get().poll();
        if (step == null) {
            return;
        }
        step.span().setAttribute(OUTCOME, failure == null ? "COMPLETED" : "FAILED");
        if (failure != null) {
            step.span().recordException(failure);
        }
        step.span().setStatus(failure == null ? StatusCode.OK : StatusCode.ERROR);
        step.scope().close();
        step.span().end();
    }

    private static SpanBuilder attributes(SpanBuilder builder, ExecutionInfo info) {
        return builder.setAttribute(EXECUTION, info.executionId()).setAttribute(TASK, info.taskId())
                .setAttribute(FUNCTION, info.function()).setAttribute(VERSION, (long) info.version())
                .setAttribute(ATTEMPT, (long) info.attempt());
    }

    /** The context of a stored traceparent, or the root context (a trace of its own) for none or a bad one. */
    static Context parentOf(String traceParent) {
        if (traceParent == null) {
            return Context.root();
        }
        String[] parts = traceParent.split("-");
        if (parts.length != 4 || parts[1].length() != 32 || parts[2].length() != 16 || parts[3].length() != 2) {
            return Context.root();
        }
        SpanContext remote = SpanContext.createFromRemoteParent(parts[1], parts[2],
                TraceFlags.fromHex(parts[3], 0), TraceState.getDefault());
        return remote.isValid() ? Context.root().with(Span.wrap(remote)) : Context.root();
    }

    /**
     * Ends the spans a task left open on this thread when it broke off without its end being
     * reported (its outcome could not be written), so that they do not become the next task's parents.
     */
    private void closeAbandoned() {
        Deque<Open> stack = open.get();
        for (Open left = stack.poll(); left != null; left = stack.poll()) {
            left.span().setAttribute(OUTCOME, "ABANDONED");
            left.span().setStatus(StatusCode.ERROR, "the attempt broke off before its outcome was written");
            left.scope().close();
            left.span().end();
        }
    }
}
