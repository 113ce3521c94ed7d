package io.stent;

/**
 * A call of one {@link Durable} method, written as a lambda for {@link Stent#start(DurableCall)}:
 * {@code stent.start(() -> orders.process(orderId))}. The lambda must make exactly one call to
 * a {@code @Durable} method of an injected bean; it is not run, only recorded.
 *
 * @param <T> the function's result type
 */
@FunctionalInterface
public interface DurableCall<T> {

    /**
     * Calls the durable method.
     *
     * @return the method's result (ignored: the call is only recorded)
     * @throws Exception as declared by the method
     */
    T call() throws Exception;
}
