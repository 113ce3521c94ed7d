package io.stent.engine;

/**
 * The durable context of the current thread. One per engine, so two deployments in one server
 * never see each other's contexts.
 */
public final class ContextHolder {

    private final ThreadLocal<DurableContext> current = new ThreadLocal<>();

    /**
     * The current context.
     *
     * @return the context, or null outside an execution
     */
    public DurableContext current() {
        return current.get();
    }

    /**
     * Replaces the current context.
     *
     * @param context the new context, or null to leave the execution
     * @return the context it replaced
     */
    public DurableContext swap(DurableContext context) {
        DurableContext previous = current.get();
        if (context == null) {
            current.remove();
        } else {
            current.set(context);
        }
        return previous;
    }
}
