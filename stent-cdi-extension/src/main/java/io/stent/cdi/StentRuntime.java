package io.stent.cdi;

import io.stent.engine.DurableEngine;
import io.stent.engine.FunctionDefinition;
import io.stent.engine.FunctionRegistry;
import io.stent.spi.Serializer;
import io.stent.store.JdbcStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
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
    /** Whether the application finished deploying, so the worker may claim. */
    private volatile boolean deployed;
    private boolean workerStarted;
    /** Why the runtime could not start yet (the database was down), for readiness; null once started. */
    private volatile String startFailure;
    private DeploymentCompletion deployment = DeploymentCompletion.UNREPORTED;
    private Thread startRetry;
    /** Ends the start retries' pauses at stop (never an interrupt: it may be migrating the schema). */
    private final io.stent.engine.StopSignal retryStop = new io.stent.engine.StopSignal();
    /** Lets the thread that waits for the end of the deployment go at stop. */
    private final java.util.concurrent.CountDownLatch deploymentReported = new java.util.concurrent.CountDownLatch(1);
    private JdbcStore store;
    private String workerId;
    private Optional<StentMeter> meter = Optional.empty();

    /**
     * Builds the runtime as the application starts: the schema is migrated and the engine made, so
     * durable calls work from now on. The worker claims only once the deployment is complete. If
     * the database cannot be reached, a background thread tries again until it can.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        extension.runtimeStarted(this);
        deployment = GlassFishDeploymentEvents.attach(applicationName(), getClass().getClassLoader());
        if (deployment.reportsDeployments()) {
            awaitDeploymentOnApplicationThread();
        }
        try {
            engine();
        } catch (RuntimeException e) {
            startFailure = String.valueOf(e.getMessage());
            LOG.log(Level.SEVERE, RuntimeMessages.RUNTIME_START_FAILED.format(
                    "could not start; it tries again in the background (readiness stays down meanwhile)"), e);
            retryStart();
        }
    }

    /** Where the server does not report the end of deployments, CDI's Startup event stands for it. */
    void onStartup(@Observes Startup event) {
        if (!deployment.reportsDeployments()) {
            deploymentComplete();
        }
    }

    /** Drains before the application's beans and EJBs go: running steps still reach them. */
    void onShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stop();
    }

    /**
     * The server reports the end of the deployment on a thread of its own, which has no application
     * context: threads made from it would run steps without the application's class loader and
     * naming context. So a thread made now, on the deploying thread, waits for the report and
     * starts the worker.
     */
    private void awaitDeploymentOnApplicationThread() {
        Thread starter = environment.threadFactory().newThread(() -> {
            try {
                deploymentReported.await();
                deploymentComplete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        starter.setName("stent-starter");
        starter.setDaemon(true);
        starter.start();
        deployment.whenDeployed(deploymentReported::countDown);
    }

    private void deploymentComplete() {
        if (stopped) {
            return;
        }
        deployed = true;
        LOG.info(RuntimeMessages.DEPLOYED.format());
        startWorkerIfReady();
    }

    private synchronized void startWorkerIfReady() {
        DurableEngine built = engine;
        if (stopped || workerStarted || !deployed || built == null) {
            return;
        }
        workerStarted = true;
        if (workerEnabled) {
            built.schedules().declare(schedules()); // written by the first schedule rounds
            built.start();
        }
    }

    /** The deployment's declared schedules, with the retention job's when it is on and this deployment has it. */
    private java.util.List<io.stent.engine.ScheduleService.Declaration> schedules() {
        java.util.List<io.stent.engine.ScheduleService.Declaration> all = new java.util.ArrayList<>(
                extension.declaredSchedules());
        RetentionSettings retention = RetentionSettings.read(ConfigProvider.getConfig(getClass().getClassLoader()));
        if (retention.enabled() && extension.registry().contains(RetentionSettings.NAME)) {
            all.add(new io.stent.engine.ScheduleService.Declaration(RetentionSettings.NAME, retention.schedule(),
                    RetentionSettings.NAME));
        }
        return all;
    }

    private static String applicationName() {
        try {
            return (String) new javax.naming.InitialContext().lookup("java:app/AppName");
        } catch (javax.naming.NamingException | RuntimeException e) {
            return null;
        }
    }

    /** Tries to build the runtime again, with backoff, until it works or the application stops. */
    private synchronized void retryStart() {
        if (startRetry != null || stopped) {
            return;
        }
        startRetry = environment.threadFactory().newThread(() -> {
            long waitMillis = 1000;
            while (engine == null && retryStop.pause(java.time.Duration.ofMillis(waitMillis))) {
                waitMillis = Math.min(waitMillis * 2, 30_000);
                try {
                    engine();
                    startWorkerIfReady();
                } catch (RuntimeException e) {
                    startFailure = String.valueOf(e.getMessage());
                    LOG.log(Level.WARNING, RuntimeMessages.RUNTIME_START_FAILED.format(
                            "still cannot start: " + e.getMessage()));
                }
            }
        });
        startRetry.setName("stent-start-retry");
        startRetry.start();
    }

    /**
     * The engine, built on first use: durable calls work before the worker claims (while the
     * application deploys, its own startup code may start executions).
     *
     * @return the engine
     */
    public DurableEngine engine() {
        DurableEngine ready = engine;
        return ready != null ? ready : build();
    }

    /**
     * The store the engine works on (built with the engine on first use), for the operations API.
     *
     * @return the store
     */
    public JdbcStore store() {
        engine();
        return store;
    }

    /**
     * This instance's worker id (built with the engine on first use).
     *
     * @return the id
     */
    String workerId() {
        engine();
        return workerId;
    }

    /**
     * Where Stent's measurements go on this server, if it has MicroProfile Metrics (built with the
     * engine on first use).
     *
     * @return the meter
     */
    Optional<StentMeter> meter() {
        engine();
        return meter;
    }

    /** Builds the engine once; every interception reads the volatile field without locking. */
    private synchronized DurableEngine build() {
        if (stopped) {
            throw new io.stent.StentException(RuntimeMessages.RUNTIME_STOPPED, 
                    " (the application is shutting down); no durable call can start now");
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
            workerId = engineSettings.workerId();
            meter = StentMetrics.meter(extension.metricRegistry(), jdbc::dueTasks);
            java.util.List<io.stent.spi.ExecutionListener> allListeners = new java.util.ArrayList<>(
                    listeners.stream().toList());
            meter.ifPresent(m -> allListeners.add(new MetricsListener(m)));
            Optional<StentTracing> tracing = StentTracing.of(extension.openTelemetry());
            tracing.ifPresent(t -> allListeners.add(0, t.listener())); // first: its spans enclose the others' work
            DurableEngine built = DurableEngine.builder(extension.registry(),
                            meter.map(m -> StentMetrics.timed(jdbc.store(), m)).orElse(jdbc.store()))
                    .invoker(new CdiFunctionInvoker(beanManager)).serializer(serializer)
                    .transactions(environment.transactionBoundary()).threads(environment.threadFactory())
                    .sleeper(environment.sleeper()).listeners(allListeners).settings(engineSettings)
                    .traceContext(tracing.map(StentTracing::traceContext).orElse(() -> null)).build();
            meter.ifPresent(m -> built.worker().watchUnrunnableExecutions(m::unrunnable));
            // A deployment without durable functions has nothing to claim, so no claim loop.
            workerEnabled = settings.workerEnabled() && !extension.registry().all().isEmpty();
            engine = built;
            startFailure = null;
            reportClockDrift();
            LOG.info(() -> RuntimeMessages.RUNTIME_STARTED.format(store.dialect(), extension.registry().names().size(),
                    extension.registry().names(),
                    (workerEnabled ? "; the worker claims once the deployment is complete" : "; no worker here")));
        }
        return engine;
    }

    private void reportClockDrift() {
        java.time.Duration drift = store.clockDrift();
        if (drift.abs().toMillis() > 1000) {
            LOG.warning(() -> RuntimeMessages.CLOCK_DRIFT.format(drift.toMillis()));
        } else {
            LOG.info(() -> RuntimeMessages.CLOCK_DRIFT_MEASURED.format(drift.toMillis()));
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
                () -> new io.stent.StentException(RuntimeMessages.UNREGISTERED_INTERCEPTION, m)));
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
     * Readiness: the runtime started, the database answers and its Stent schema is the version this
     * code expects. It never starts anything itself: start-up belongs to the runtime.
     *
     * @return the reading; never throws
     */
    public StentHealth readiness() {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        if (stopped) {
            data.put("error", RuntimeMessages.RUNTIME_STOPPED.format(""));
            return new StentHealth(false, data);
        }
        if (engine == null) {
            data.put("error", RuntimeMessages.RUNTIME_NOT_STARTED.format(startFailure == null ? "" : ": "
                    + startFailure));
            return new StentHealth(false, data);
        }
        try {
            int current = store.schemaVersion();
            int expected = io.stent.store.SchemaMigrator.expectedVersion();
            data.put("database", store.dialect());
            data.put("schemaVersion", current);
            data.put("expectedSchemaVersion", expected);
            data.put("clockDriftMillis", store.clockDrift().toMillis());
            DurableEngine built = engine;
            Map<String, Long> unrunnable = built == null ? Map.of() : built.worker().unrunnableExecutions(false);
            if (!unrunnable.isEmpty()) {
                // Reported, not a reason to take this instance out of service: it is not its fault.
                data.put("unrunnable", RuntimeMessages.UNRUNNABLE_REPORTED.format(unrunnable));
            }
            if (current != expected) {
                data.put("error", RuntimeMessages.SCHEMA_BEHIND.format(current, expected, (current < expected
                        ? ": apply the migrations (see SchemaPrinter) or set stent.schema.migrate=true"
                        : ": a newer Stent upgraded it; deploy that version on this instance too")));
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
        if (!deployed && workerEnabled) {
            data.put("worker", "waiting for the deployment to complete");
            return new StentHealth(true, data);
        }
        boolean alive = running.worker().isAlive();
        data.put("worker", !workerEnabled ? "not claiming (disabled, or no durable function)"
                : alive ? "claiming" : "claim loop stopped");
        return new StentHealth(!workerEnabled || alive, data);
    }

    /**
     * Stops claiming, drains running tasks (releasing what does not finish within the drain
     * timeout) and stops. Called before the application's beans are destroyed, and again (doing
     * nothing) when this bean is.
     */
    @PreDestroy
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        deployment.close();
        retryStop.stop();
        deploymentReported.countDown(); // its thread sees the runtime stopped and starts nothing
        if (engine != null) {
            io.stent.engine.StentLog.log(LOG, Level.INFO, RuntimeMessages.RUNTIME_STOPPING.format(), null);
            engine.stop();
            engine = null;
            io.stent.engine.StentLog.log(LOG, Level.INFO, RuntimeMessages.RUNTIME_STOPPED_CLEANLY.format(), null);
        }
        if (store != null) {
            store.close(); // the persistence unit, so that a redeploy leaves no EclipseLink session behind
        }
    }
}
