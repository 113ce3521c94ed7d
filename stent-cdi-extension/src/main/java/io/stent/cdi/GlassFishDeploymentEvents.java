package io.stent.cdi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Payara and GlassFish announce the end of each deployment on their event bus ({@code
 * Deployment_Success}, after every module of the application started). This listens for the
 * application's own announcement, through reflection, since the server's classes are not part of
 * any API. On another server, or if the bus cannot be reached, {@link #attach} gives
 * {@link DeploymentCompletion#UNREPORTED}.
 */
final class GlassFishDeploymentEvents implements DeploymentCompletion {

    private static final Logger LOG = Logger.getLogger(GlassFishDeploymentEvents.class.getName());
    private static final String DEPLOYED = "Deployment_Success";

    private final Object events;
    private final Class<?> eventsType;
    private final Class<?> listenerType;
    private final String applicationName;
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private Object listener;

    private GlassFishDeploymentEvents(Object events, Class<?> eventsType, Class<?> listenerType,
                                      String applicationName) {
        this.events = events;
        this.eventsType = eventsType;
        this.listenerType = listenerType;
        this.applicationName = applicationName;
    }

    /**
     * Listens on the server's event bus for the deployment of {@code applicationName}.
     *
     * @param applicationName the application's name ({@code java:app/AppName})
     * @param loader a class loader that sees the server's classes (the application's)
     * @return the listener, or {@link DeploymentCompletion#UNREPORTED} where there is no such bus
     */
    static DeploymentCompletion attach(String applicationName, ClassLoader loader) {
        if (applicationName == null) {
            return UNREPORTED;
        }
        try {
            Class<?> globals = Class.forName("org.glassfish.internal.api.Globals", false, loader);
            Object locator = globals.getMethod("getDefaultBaseServiceLocator").invoke(null);
            Class<?> eventsType = Class.forName("org.glassfish.api.event.Events", false, loader);
            Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator", false, loader);
            Object events = locatorType.getMethod("getService", Class.class, java.lang.annotation.Annotation[].class)
                    .invoke(locator, eventsType, new java.lang.annotation.Annotation[0]);
            if (events == null) {
                return UNREPORTED;
            }
            Class<?> listenerType = Class.forName("org.glassfish.api.event.EventListener", false, loader);
            return new GlassFishDeploymentEvents(events, eventsType, listenerType, applicationName);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.log(Level.FINE, "no GlassFish event bus here; the worker starts at CDI's Startup event", e);
            return UNREPORTED;
        }
    }

    @Override
    public boolean reportsDeployments() {
        return true;
    }

    @Override
    public synchronized void whenDeployed(Runnable action) {
        pending.set(action);
        InvocationHandler handler = this::onEvent;
        listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType}, handler);
        try {
            eventsType.getMethod("register", listenerType).invoke(events, listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            listener = null;
            throw new io.stent.StentException(RuntimeMessages.DEPLOYMENT_EVENTS_UNAVAILABLE, e, e);
        }
    }

    private Object onEvent(Object proxy, Method method, Object[] args) throws ReflectiveOperationException {
        switch (method.getName()) {
            case "event" -> {
                Object event = args[0];
                if (DEPLOYED.equals(event.getClass().getMethod("name").invoke(event)) && isOurs(event)) {
                    Runnable action = pending.getAndSet(null);
                    if (action != null) {
                        close();
                        action.run();
                    }
                }
                return null;
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "toString" -> {
                return "Stent deployment listener for " + applicationName;
            }
            default -> {
                return null;
            }
        }
    }

    private boolean isOurs(Object event) throws ReflectiveOperationException {
        Object application = event.getClass().getMethod("hook").invoke(event);
        return application != null
                && applicationName.equals(application.getClass().getMethod("getName").invoke(application));
    }

    @Override
    public synchronized void close() {
        if (listener == null) {
            return;
        }
        try {
            eventsType.getMethod("unregister", listenerType).invoke(events, listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "could not unregister the deployment listener", e);
        }
        listener = null;
    }
}
