package io.stent.cdi;

import io.stent.engine.DurableEngine;
import io.stent.engine.FunctionDefinition;
import io.stent.engine.FunctionRegistry;
import io.stent.engine.Sleeper;
import io.stent.spi.Serializer;
import io.stent.store.JdbcStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The Stent runtime of one deployment: migrates the schema, builds the engine on the container's
 * DataSource and threads when the application starts, and drains it when the application stops.
 */
@ApplicationScoped
public class StentRuntime {

    private static final Logger LOG = Logger.getLogger(StentRuntime.class.getName());

    @Inject
    StentExtension extension;
    @Inject
    RuntimeEnvironment environment;
    @Inject
    Serializer serializer;
    @Inject
    BeanManager beanManager;
    @Inject
    jakarta.enterprise.inject.Instance<io.stent.spi.ExecutionListener> listeners;

    private final Map<Method, FunctionDefinition> methodCache = new ConcurrentHashMap<>();
    private volatile DurableEngine engine;
    private volatile boolean stopped;
    private volatile boolean workerEnabled;
    private JdbcStore store;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        extension.runtimeStarted(this);
        engine();
    }

    /**
     * The engine, built on first use.
     *
     * @return the engine
     */
    public DurableEngine engine() {
        DurableEngine ready = engine;
        return ready != null ? ready : build();
    }

    /** Builds the engine once; every interception reads the volatile field without locking. */
    private synchronized DurableEngine build() {
        if (stopped) {
            throw new IllegalStateException("STENT-1604 the Stent runtime of this deployment has stopped (the"
                    + " application is shutting down); no durable call can start now");
        }
        if (engine == null) {
            SettingsReader settings = new SettingsReader(ConfigProvider.getConfig(getClass().getClassLoader()));
            var engineSettings = settings.engine(extension.registry().all().stream()
                    .map(FunctionDefinition::queue).collect(java.util.stream.Collectors.toSet()));
            store = JdbcStore.on(environment.dataSource(settings.dataSource()));
            if (settings.migrate()) {
                store.migrator().migrate(engineSettings.workerId());
            }
            JdbcStore jdbc = store;
            Optional<StentMeter> meter = StentMetrics.meter(extension.metricRegistry(),
                    () -> jdbc.queries().dueTasks());
            java.util.List<io.stent.spi.ExecutionListener> allListeners = new java.util.ArrayList<>(
                    listeners.stream().toList());
            meter.ifPresent(m -> allListeners.add(new MetricsListener(m)));
            DurableEngine built = new DurableEngine(extension.registry(),
                    meter.map(m -> StentMetrics.timed(jdbc.store(), m)).orElse(jdbc.store()),
                    new CdiFunctionInvoker(beanManager), serializer, environment.transactionBoundary(),
                    engineSettings, environment.threadFactory(), Sleeper.THREAD, allListeners);
            if (settings.workerEnabled()) {
                built.start();
            }
            // A deployment without durable functions has nothing to claim, so no claim loop.
            workerEnabled = settings.workerEnabled() && !extension.registry().all().isEmpty();
            engine = built;
            reportClockDrift();
            LOG.info(() -> "STENT-1601 Stent runtime started on " + store.dialect() + " with "
                    + extension.registry().names().size() + " durable function(s): " + extension.registry().names());
        }
        return engine;
    }

    private void reportClockDrift() {
        java.time.Duration drift = store.clockDrift();
        if (drift.abs().toMillis() > 1000) {
            LOG.warning(() -> "STENT-1602 this server's clock differs from the database clock by " + drift.toMillis()
                    + " ms. Stent decides due-ness and leases with the database clock, so work is safe, but"
                    + " timestamps the application computes will disagree with the database; fix NTP.");
        } else {
            LOG.info(() -> "STENT-1603 clock drift to the database: " + drift.toMillis() + " ms");
        }
    }

    /**
     * Finds the definition of an intercepted method: by identity, or for a method seen through a
     * proxy or business interface, by signature on the target's class.
     *
     * @param method the intercepted method
     * @param target the target instance
     * @return the definition
     */
    FunctionDefinition definitionFor(Method method, Object target) {
        return methodCache.computeIfAbsent(method, m -> lookUp(m, target).orElseThrow(
                () -> new IllegalStateException("STENT-1007 " + m + " is intercepted as @Durable but was not"
                        + " registered at deployment; is its bean in a bean archive?")));
    }

    private Optional<FunctionDefinition> lookUp(Method method, Object target) {
        FunctionRegistry registry = extension.registry();
        return registry.forMethod(method).or(() -> registry.all().stream()
                .filter(d -> d.method().getName().equals(method.getName())
                        && Arrays.equals(d.method().getParameterTypes(), method.getParameterTypes())
                        && target != null && d.method().getDeclaringClass().isInstance(target))
                .findFirst());
    }

    /**
     * Readiness: the database answers and its Stent schema is the version this code expects.
     * Builds the runtime if it is not built yet (so a database that was down at start is retried).
     *
     * @return the reading; never throws
     */
    public StentHealth readiness() {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        if (stopped) {
            data.put("error", "STENT-1604 the Stent runtime of this deployment has stopped");
            return new StentHealth(false, data);
        }
        try {
            engine();
            int current = store.migrator().currentVersion();
            int expected = io.stent.store.SchemaMigrator.expectedVersion();
            data.put("database", store.dialect());
            data.put("schemaVersion", current);
            data.put("expectedSchemaVersion", expected);
            data.put("clockDriftMillis", store.clockDrift().toMillis());
            if (current != expected) {
                data.put("error", "STENT-1605 the database's Stent schema is at version " + current + ", this code"
                        + " expects " + expected + (current < expected
                        ? ": apply the migrations (see SchemaPrinter) or set stent.schema.migrate=true"
                        : ": a newer Stent upgraded it; deploy that version on this instance too"));
            }
            return new StentHealth(current == expected, data);
        } catch (RuntimeException e) {
            data.put("error", String.valueOf(e.getMessage()));
            return new StentHealth(false, data);
        }
    }

    /**
     * Liveness: the worker's claim loops are alive. Up while no worker runs here (not built yet,
     * disabled by configuration, no durable function to claim, or stopping): a database outage is
     * a readiness matter, and a restart would not cure it.
     *
     * @return the reading; never throws
     */
    public StentHealth liveness() {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        DurableEngine running = engine;
        if (running == null || stopped) {
            data.put("worker", "not running");
            return new StentHealth(true, data);
        }
        boolean alive = running.worker().isAlive();
        data.put("worker", !workerEnabled ? "not claiming (disabled, or no durable function)"
                : alive ? "claiming" : "claim loop stopped");
        return new StentHealth(!workerEnabled || alive, data);
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (engine != null) {
            engine.stop();
            engine = null;
        }
    }
}
