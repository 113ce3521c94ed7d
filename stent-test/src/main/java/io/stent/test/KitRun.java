package io.stent.test;

import io.stent.Stent;
import io.stent.cdi.StentBeans;
import io.stent.cdi.StentExtension;
import io.stent.cdi.StentRuntime;
import io.stent.operations.StentOperations;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionTarget;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * One test class's Stent: its in-memory database with the virtual clock, its configuration and
 * its Weld SE container with Stent and the class's beans. Closed after the class.
 */
final class KitRun implements ExtensionContext.Store.CloseableResource {

    /**
     * The kit's configuration, under the test's own: no real waits (sleeps suspend, retries in
     * place do not wait), quick polls, the retention job off, and direct calls that give up soon.
     */
    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("stent.sleep.blocking-limit", "PT0S"),
            Map.entry("stent.worker.threads", "4"),
            Map.entry("stent.worker.poll-min", "PT0.001S"),
            Map.entry("stent.worker.poll-max", "PT0.005S"),
            Map.entry("stent.worker.heartbeat", "PT1S"),
            Map.entry("stent.worker.recovery-interval", "PT0.05S"),
            Map.entry("stent.worker.drain-timeout", "PT5S"),
            Map.entry("stent.worker.process-checks", "false"),
            Map.entry("stent.schedule.interval", "PT0.01S"),
            Map.entry("stent.await-timeout", "PT30S"),
            Map.entry("stent.retention.enabled", "false"));

    private static final Duration START = Duration.ofSeconds(30);

    private final JdbcDataSource raw;
    private final Config config;
    private final ClassLoader configLoader;
    private final WeldContainer container;
    private final StentTestKit kit;

    private KitRun(JdbcDataSource raw, Config config, ClassLoader configLoader, WeldContainer container,
                   StentTestKit kit) {
        this.raw = raw;
        this.config = config;
        this.configLoader = configLoader;
        this.container = container;
        this.kit = kit;
    }

    /**
     * Starts the run of a test class.
     *
     * @param testClass the class
     * @param settings its annotation
     * @return the run, its worker claiming
     */
    static KitRun start(Class<?> testClass, StentTest settings) {
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:stent_test_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        VirtualClock clock = VirtualClock.create(raw);
        ClockedDataSource dataSource = new ClockedDataSource(raw);
        ClassLoader loader = StentRuntime.class.getClassLoader();
        Config config = registerConfig(loader, testClass, settings.config());
        CrashPoints crashes = new CrashPoints();
        List<Class<?>> beans = new ArrayList<>(StentBeans.runtimeClasses());
        beans.addAll(List.of(settings.beans()));
        WeldContainer container;
        StentExtension extension = new StentExtension();
        try {
            container = new Weld("stent-test-" + UUID.randomUUID()).disableDiscovery()
                    .addExtension(extension).addExtension(new KitBeans(new KitEnvironment(dataSource), crashes))
                    .beanClasses(beans.toArray(Class<?>[]::new)).initialize();
        } catch (RuntimeException e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            shutDown(raw);
            throw e;
        }
        StentRuntime runtime = container.select(StentRuntime.class).get();
        StentTestKit kit = new StentTestKit(container.select(Stent.class).get(),
                container.select(StentOperations.class).get(), clock, dataSource, crashes, runtime.store().store());
        KitRun run = new KitRun(raw, config, loader, container, kit);
        run.awaitClaiming(runtime);
        run.awaitDeclaredSchedules(runtime, extension);
        return run;
    }

    StentTestKit kit() {
        return kit;
    }

    /** Injects the test instance's {@code @Inject} fields and methods from the container. */
    @SuppressWarnings("unchecked")
    void inject(Object testInstance) {
        BeanManager beans = container.getBeanManager();
        var type = beans.createAnnotatedType((Class<Object>) testInstance.getClass());
        InjectionTarget<Object> target = beans.getInjectionTargetFactory(type).createInjectionTarget(null);
        target.inject(testInstance, beans.createCreationalContext(null));
    }

    @Override
    public void close() {
        try {
            container.shutdown();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
            shutDown(raw);
        }
    }

    private void awaitClaiming(StentRuntime runtime) {
        long deadline = System.nanoTime() + START.toNanos();
        while (!"claiming".equals(runtime.liveness().data().get("worker"))) {
            if (System.nanoTime() > deadline) {
                close();
                throw new ExtensionConfigurationException(KitMessages.NO_WORKER.format(START.toSeconds(),
                        runtime.readiness().data(), runtime.liveness().data()));
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** Waits until the first schedule rounds wrote the declared schedules, so the first advance finds them. */
    private void awaitDeclaredSchedules(StentRuntime runtime, StentExtension extension) {
        java.util.Set<String> declared = new java.util.HashSet<>();
        extension.declaredSchedules().forEach(declaration -> declared.add(declaration.name()));
        long deadline = System.nanoTime() + START.toNanos();
        while (!runtime.engine().schedules().all().stream().map(io.stent.engine.store.ScheduleRecord::name)
                .collect(java.util.stream.Collectors.toSet()).containsAll(declared)) {
            if (System.nanoTime() > deadline) {
                close();
                throw new ExtensionConfigurationException(KitMessages.NO_WORKER.format(START.toSeconds(),
                        "the declared schedules " + declared + " were not written", ""));
            }
            LockSupport.parkNanos(1_000_000L);
        }
    }

    /** Makes the class's configuration the one Stent reads: the test's settings, the usual sources, the kit's defaults. */
    private static Config registerConfig(ClassLoader loader, Class<?> testClass, String[] entries) {
        Map<String, String> own = new HashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException(KitMessages.BAD_CONFIG.format(testClass.getName(), entry));
            }
            own.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(ConfigProvider.getConfig(loader)); // one cached earlier would hide the test's
        Config config = resolver.getBuilder().forClassLoader(loader).addDefaultSources().addDiscoveredSources()
                .withSources(new KitConfigSource("stent-test defaults", DEFAULTS, 50),
                        new KitConfigSource("@StentTest(config) of " + testClass.getName(), own, 500))
                .build();
        resolver.registerConfig(config, loader);
        return config;
    }

    private static void shutDown(JdbcDataSource raw) {
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new io.stent.StentException(KitMessages.CLEAN_UP, e, "drop its database");
        }
    }
}
