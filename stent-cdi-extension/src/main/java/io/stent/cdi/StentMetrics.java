package io.stent.cdi;

import io.stent.engine.store.Store;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Connects Stent to MicroProfile Metrics where the server has it: the application's metric
 * registry gets Stent's counters, timers and gauge, and the engine gets a store whose claims are
 * timed and a listener that counts tasks. Elsewhere nothing changes.
 */
final class StentMetrics {

    private StentMetrics() {
    }

    /**
     * The meter on the application's metric registry, if there is one.
     *
     * @param registry the MicroProfile metric registry, or null
     * @param dueTasks counts the due tasks, for the queue-depth gauge
     */
    static Optional<StentMeter> meter(Object registry, LongSupplier dueTasks) {
        // MicroProfileMeter is only loaded when this line runs with a registry, so a server without
        // the API never loads a class that refers to it.
        return registry == null ? Optional.empty() : Optional.of(MicroProfileMeter.on(registry, dueTasks));
    }

    /** The store with its claims timed. */
    static Store timed(Store store, StentMeter meter) {
        return new Store(store.executions(), new TimedClaims(store.claims(), meter), store.completions(),
                store.steps(), store.signals(), store.wakeups(), store.cache(), store.workers(), store.schedules());
    }

}
