package io.stent.cdi;

import io.stent.Durable;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.io.Serializable;

/**
 * The inner half of {@link DurableInterceptor}: it runs after the transactional interceptor, inside
 * the step's own transaction (and inside an EJB's container-managed one), so that a step's
 * checkpoint is written in that transaction and commits together with the step's database work.
 */
@Durable
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 100)
public class DurableCheckpointInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StentRuntime runtime;

    /**
     * Runs the body, checkpointing a step attempt in its transaction.
     *
     * @param invocation the invocation
     * @return the result
     * @throws Exception what the method threw
     */
    @AroundInvoke
    public Object checkpoint(InvocationContext invocation) throws Exception {
        var function = runtime.definitionFor(invocation.getMethod(), invocation.getTarget());
        return runtime.engine().interceptInTransaction(function, invocation::proceed);
    }
}
