package io.stent.cdi;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** A Weld SE container with Stent and two test beans on {@link TestEnvironment#dataSource}. */
final class MinimalContainer {

    private MinimalContainer() {
    }

    static WeldContainer start() {
        return new Weld().disableDiscovery().addExtension(new StentExtension())
                .addBeanClasses(StentRuntime.class, StentProducer.class, DurableInterceptor.class,
                        JsonbSerializer.class, TransactionSuspender.class, TestEnvironment.class, Calls.class,
                        Steps.class)
                .initialize();
    }
}
