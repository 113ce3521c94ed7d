package io.stent.cdi;

import io.stent.Durable;
import io.stent.engine.FunctionDefinition;
import io.stent.engine.FunctionRegistry;
import io.stent.engine.SignatureCheck;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every {@code @Durable} method at deployment, validates it, resolves its options and builds
 * the deployment's function registry. Any problem fails the deployment with a message naming the
 * method and what is wrong, instead of failing the first call in production.
 */
public class StentExtension implements Extension {

    private final List<DurableMethod> found = new ArrayList<>();
    private final List<String> scheduleWithoutDurable = new ArrayList<>();
    private final ScheduleDeclarations schedules = new ScheduleDeclarations();
    private FunctionRegistry registry;
    private volatile StentRuntime runtime;
    /** The application's MicroProfile metric registry, once found (typed loosely: the API may be absent). */
    private volatile Object metricRegistry;
    /** The application's OpenTelemetry, once found (typed loosely: the API may be absent). */
    private volatile Object openTelemetry;

    /**
     * Adds Stent's health checks and its access to the metric registry where the MicroProfile
     * Health and Metrics APIs are present. These classes carry no bean-defining annotation, so a
     * server without those APIs never loads them.
     */
    void addMicroProfileBeans(@Observes BeforeBeanDiscovery event) {
        if (present("org.eclipse.microprofile.health.HealthCheck")) {
            event.addAnnotatedType(StentReadinessCheck.class, StentReadinessCheck.class.getName());
            event.addAnnotatedType(StentLivenessCheck.class, StentLivenessCheck.class.getName());
        }
        if (present("org.eclipse.microprofile.metrics.MetricRegistry")) {
            event.addAnnotatedType(MetricsRegistryAccess.class, MetricsRegistryAccess.class.getName());
        }
        if (present("io.opentelemetry.api.OpenTelemetry")) {
            event.addAnnotatedType(TelemetryAccess.class, TelemetryAccess.class.getName());
        }
    }

    private static boolean present(String apiClass) {
        try {
            Class.forName(apiClass, false, StentExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Called at application start with the application's metric registry. */
    void metricRegistryFound(Object registry) {
        metricRegistry = registry;
    }

    /** Called at application start with the application's OpenTelemetry. */
    void openTelemetryFound(Object telemetry) {
        openTelemetry = telemetry;
    }

    /** The application's OpenTelemetry, or null where there is none. */
    Object openTelemetry() {
        return openTelemetry;
    }

    /** The application's MicroProfile metric registry, or null where there is none. */
    Object metricRegistry() {
        return metricRegistry;
    }

    <T> void rejectTypeLevelUse(@Observes @WithAnnotations(Durable.class) ProcessAnnotatedType<T> event) {
        Class<T> type = event.getAnnotatedType().getJavaClass();
        if (event.getAnnotatedType().isAnnotationPresent(Durable.class) && !type.isAnnotationPresent(Interceptor.class)) {
            throw new DeploymentException(RuntimeMessages.DURABLE_ON_CLASS.format(type.getName()));
        }
    }

    <T> void collect(@Observes ProcessManagedBean<T> event) {
        for (AnnotatedMethod<? super T> method : event.getAnnotatedBeanClass().getMethods()) {
            Durable durable = method.getAnnotation(Durable.class);
            if (durable != null) {
                found.add(new DurableMethod(event.getBean(), method.getJavaMember(), durable));
            } else if (method.isAnnotationPresent(io.stent.DurableSchedule.class)) {
                scheduleWithoutDurable.add(method.getJavaMember().getDeclaringClass().getName() + "."
                        + method.getJavaMember().getName());
            }
        }
    }

    void validateAndRegister(@Observes AfterBeanDiscovery event) {
        FunctionResolver resolver = new FunctionResolver(ConfigProvider.getConfig(getClass().getClassLoader()));
        List<FunctionDefinition> definitions = new ArrayList<>();
        Map<String, DurableMethod> names = new HashMap<>();
        for (DurableMethod method : found) {
            List<String> problems = new ArrayList<>(SignatureCheck.problems(method.method()));
            DurableMethod clash = names.putIfAbsent(method.derivedName() + "@" + method.annotation().version(), method);
            if (clash != null) {
                problems.add("its function name '" + method.derivedName() + "' and version "
                        + method.annotation().version() + " are also those of " + clash.javaName()
                        + "; give one of them another @Durable(name = \"...\") or version");
            }
            if (problems.isEmpty()) {
                try {
                    FunctionDefinition definition = resolver.resolve(method);
                    definitions.add(definition);
                    problems.addAll(schedules.read(method, definition));
                } catch (IllegalArgumentException | io.stent.StentArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
            for (String problem : problems) {
                event.addDefinitionError(new DeploymentException(RuntimeMessages.INVALID_DURABLE_METHOD.format(
                        method.javaName(), problem)));
            }
        }
        try {
            RetentionSettings.read(ConfigProvider.getConfig(getClass().getClassLoader()));
        } catch (IllegalArgumentException | io.stent.StentArgumentException e) {
            event.addDefinitionError(new DeploymentException(e.getMessage()));
        }
        for (String method : scheduleWithoutDurable) {
            event.addDefinitionError(new DeploymentException(RuntimeMessages.SCHEDULE_WITHOUT_DURABLE.format(method)));
        }
        try {
            registry = new FunctionRegistry(definitions);
        } catch (IllegalArgumentException | io.stent.StentArgumentException e) {
            event.addDefinitionError(new DeploymentException(e.getMessage()));
            registry = new FunctionRegistry(List.of());
        }
    }

    /** Called by the deployment's runtime when it starts, for the health checks. */
    void runtimeStarted(StentRuntime started) {
        runtime = started;
    }

    /** The readiness reading of the deployment's runtime (down until it started). */
    StentHealth readiness() {
        StentRuntime started = runtime;
        return started != null ? started.readiness() : new StentHealth(false,
                java.util.Map.of("error", RuntimeMessages.RUNTIME_NOT_STARTED.format("")));
    }

    /** The liveness reading of the deployment's runtime (up until it started: nothing to restart). */
    StentHealth liveness() {
        StentRuntime started = runtime;
        return started != null ? started.liveness() : new StentHealth(true, java.util.Map.of("worker", "not running"));
    }

    /**
     * The schedules this deployment's annotations declare.
     *
     * @return them, checked
     */
    public List<io.stent.engine.ScheduleService.Declaration> declaredSchedules() {
        return schedules.declared();
    }

    /**
     * The functions this deployment registered.
     *
     * @return the registry, built once bean discovery ended
     */
    public FunctionRegistry registry() {
        if (registry == null) {
            throw new io.stent.StentException(RuntimeMessages.REGISTRY_TOO_EARLY);
        }
        return registry;
    }
}
