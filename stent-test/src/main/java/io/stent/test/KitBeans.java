package io.stent.test;

import io.stent.cdi.RuntimeEnvironment;
import io.stent.spi.ExecutionListener;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/** Adds the kit's own objects to the test's container as beans: the environment and the crash points. */
final class KitBeans implements Extension {

    private final KitEnvironment environment;
    private final CrashPoints crashes;

    KitBeans(KitEnvironment environment, CrashPoints crashes) {
        this.environment = environment;
        this.crashes = crashes;
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        event.addBean().types(RuntimeEnvironment.class, Object.class).scope(Singleton.class)
                .beanClass(KitEnvironment.class).createWith(context -> environment);
        event.addBean().types(ExecutionListener.class, Object.class).scope(Singleton.class)
                .beanClass(CrashPoints.class).createWith(context -> crashes);
    }
}
