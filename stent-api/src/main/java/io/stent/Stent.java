package io.stent;

/**
 * The entry point for application code; inject it with {@code @Inject Stent stent}.
 *
 * <p>Calling a {@link Durable} method directly starts an execution and waits for its result.
 * {@code Stent} starts one without waiting and finds existing executions.
 */
public interface Stent {

    /**
     * Starts an execution of the durable method called in {@code call} and returns at once.
     *
     * @param call a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @param <T> the result type
     * @return a handle on the new execution
     * @throws IllegalArgumentException if the lambda calls no durable method or more than one
     */
    <T> ExecutionHandle<T> start(DurableCall<T> call);

    /**
     * Starts an execution with options, see {@link #start(DurableCall)}.
     *
     * @param call a lambda making exactly one call to a {@code @Durable} method of an injected bean
     * @param options start options such as an idempotency key
     * @param <T> the result type
     * @return a handle on the new execution, or on the earlier one with the same idempotency key
     */
    <T> ExecutionHandle<T> start(DurableCall<T> call, StartOptions options);

    /**
     * Starts an execution of a registered function by its name.
     *
     * @param functionName the function's {@link Durable#name() name}
     * @param args the arguments, matching the method's parameters
     * @return a handle on the new execution
     * @throws UnregisteredFunctionError if no function of that name is registered here
     */
    ExecutionHandle<Object> startByName(String functionName, Object... args);

    /**
     * Returns a handle on an existing execution.
     *
     * @param executionId the execution's id
     * @param resultType the execution's result type
     * @param <T> the result type
     * @return the handle
     * @throws ExecutionNotFoundException if there is no such execution
     */
    <T> ExecutionHandle<T> handle(String executionId, Class<T> resultType);

    /**
     * Tells whether the current thread runs inside a durable execution.
     *
     * @return true inside an execution
     */
    boolean inDurableContext();
}
