package io.stent.cdi;

import io.stent.Durable;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import java.io.Serializable;

/**
 * Hands every call of a {@code @Durable} method to the engine, which starts an execution, runs
 * the body for a worker, or runs (or replays) a step. It runs before the transactional
 * interceptor, so a step's own transaction commits before its result is recorded.
 */
@Durable
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DurableInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StentRuntime runtime;

    /**
     * Routes the call.
     *
     * @param invocation the invocation
     * @return the result
     * @throws Exception what the method, or its recorded failure, threw
     */
    @AroundInvoke
    public Object route(InvocationContext invocation) throws Exception {
        var function = runtime.definitionFor(invocation.getMethod(), invocation.getTarget());
        return runtime.engine().intercept(function, invocation.getParameters(), invocation::proceed);
    }
}
