package io.stent.cdi;

import java.util.List;

/**
 * The bean classes of Stent's runtime, for containers built by hand (Weld SE in tests, the
 * {@code stent-test} kit) that do not scan this jar. {@link StentExtension} is the portable
 * extension to add beside them; a bean of {@link RuntimeEnvironment} (an alternative) supplies
 * the DataSource, threads and transaction boundary.
 */
public final class StentBeans {

    private StentBeans() {
    }

    /**
     * The runtime's bean classes: the runtime, the producers of {@code Stent} and
     * {@code StentOperations}, the serializer, the interceptors.
     *
     * @return the classes
     */
    public static List<Class<?>> runtimeClasses() {
        return List.of(StentRuntime.class, StentProducer.class, DurableInterceptor.class,
                DurableCheckpointInterceptor.class, JsonbSerializer.class, TransactionSuspender.class);
    }
}
