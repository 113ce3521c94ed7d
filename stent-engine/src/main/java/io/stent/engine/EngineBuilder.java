package io.stent.engine;

import io.stent.engine.store.Store;
import io.stent.spi.Serializer;

import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * What an engine is built from: the deployment's functions and the store, how function bodies
 * are called and values stored (both required), and, with defaults, the transaction boundary
 * (none), the thread factory (plain threads), how retries in place wait (the thread sleeps),
 * the execution listeners (none) and the settings ({@link EngineSettings#builder}'s defaults
 * under a random worker id).
 */
public final class EngineBuilder {

    final FunctionRegistry registry;
    final Store store;
    FunctionInvoker invoker;
    Serializer serializer;
    TransactionBoundary boundary = TransactionBoundary.NONE;
    ThreadFactory threads = java.util.concurrent.Executors.defaultThreadFactory();
    Sleeper sleeper = Sleeper.THREAD;
    List<io.stent.spi.ExecutionListener> listeners = List.of();
    EngineSettings settings;
    java.util.function.Supplier<String> traceContext = () -> null;

    EngineBuilder(FunctionRegistry registry, Store store) {
        this.registry = java.util.Objects.requireNonNull(registry, "registry");
        this.store = java.util.Objects.requireNonNull(store, "store");
    }

    /**
     * @param value calls the beans' function bodies (through their interceptors)
     * @return this
     */
    public EngineBuilder invoker(FunctionInvoker value) {
        invoker = value;
        return this;
    }

    /**
     * @param value stores arguments, results and errors
     * @return this
     */
    public EngineBuilder serializer(Serializer value) {
        serializer = value;
        return this;
    }

    /**
     * @param value keeps Stent's writes out of callers' transactions; default none (no JTA)
     * @return this
     */
    public EngineBuilder transactions(TransactionBoundary value) {
        boundary = value;
        return this;
    }

    /**
     * @param value makes the worker's threads (a managed factory in a server)
     * @return this
     */
    public EngineBuilder threads(ThreadFactory value) {
        threads = value;
        return this;
    }

    /**
     * @param value waits between a step's retries in place; default the thread sleeps
     * @return this
     */
    public EngineBuilder sleeper(Sleeper value) {
        sleeper = value;
        return this;
    }

    /**
     * @param value called around tasks and steps
     * @return this
     */
    public EngineBuilder listeners(List<io.stent.spi.ExecutionListener> value) {
        listeners = List.copyOf(value);
        return this;
    }

    /**
     * @param value gives the W3C {@code traceparent} of the calling thread's current span (or
     *     null), stored with each execution it starts; default none
     * @return this
     */
    public EngineBuilder traceContext(java.util.function.Supplier<String> value) {
        traceContext = java.util.Objects.requireNonNull(value, "traceContext");
        return this;
    }

    /**
     * @param value the tuning
     * @return this
     */
    public EngineBuilder settings(EngineSettings value) {
        settings = value;
        return this;
    }

    /**
     * @return the engine, not started
     * @throws io.stent.StentException naming what is missing
     */
    public DurableEngine build() {
        if (invoker == null || serializer == null) {
            throw new io.stent.StentException(EngineMessages.INCOMPLETE_ENGINE, (invoker == null ? "an invoker"
                    : "a serializer"), (invoker == null ? "invoker"
                    : "serializer"));
        }
        return new DurableEngine(this, settings != null ? settings
                : EngineSettings.builder("stent-" + java.util.UUID.randomUUID()).build());
    }
}
