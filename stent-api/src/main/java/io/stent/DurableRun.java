package io.stent;

/**
 * A call of one {@code void} {@link Durable} method, written as a lambda for
 * {@link Stent#start(DurableRun)}: {@code stent.start(() -> shipping.dispatch(cargoId))}. Like
 * {@link DurableCall}, the lambda must make exactly one call to a {@code @Durable} method of an
 * injected bean; it is not run, only recorded.
 */
@FunctionalInterface
public interface DurableRun {

    /**
     * Calls the durable method.
     *
     * @throws Exception as declared by the method
     */
    void run() throws Exception;
}
