package io.stent.cdi;

import io.stent.Stent;
import io.stent.operations.StentOperations;
import io.stent.store.StoreOperations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.security.Principal;

/**
 * Makes {@link Stent} and {@link StentOperations} injectable.
 */
@ApplicationScoped
public class StentProducer {

    /** The audit trail's actor for changes made outside an authenticated request. */
    static final String APPLICATION = "application";

    @Inject
    StentRuntime runtime;
    @Inject
    Instance<Principal> caller;

    /**
     * The deployment's Stent facade.
     *
     * @return the facade
     */
    @Produces
    public Stent stent() {
        return runtime.engine();
    }

    /**
     * The operations on this deployment's executions and dead letters; changes are audited with
     * the name of the request's authenticated user, or {@value #APPLICATION}.
     *
     * @return the operations
     */
    @Produces
    public StentOperations operations() {
        String dataSource = org.eclipse.microprofile.config.ConfigProvider.getConfig(getClass().getClassLoader())
                .getOptionalValue(io.stent.store.StentDataSource.KEY, String.class)
                .orElse(io.stent.store.StentDataSource.DEFAULT);
        return new StoreOperations(runtime.store(), this::callerName).withBatchJobs(dataSource);
    }

    private String callerName() {
        if (!caller.isResolvable()) {
            return APPLICATION;
        }
        try {
            Principal principal = caller.get();
            String name = principal == null ? null : principal.getName();
            return name == null || name.isBlank() || "ANONYMOUS".equals(name) ? APPLICATION : name;
        } catch (RuntimeException e) {
            return APPLICATION; // no request, or no security context here: the application acts
        }
    }
}
