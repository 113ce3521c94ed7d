package io.stent;

import java.util.Objects;

/**
 * One start of a batch given to {@link Stent#startAll}: a lambda making one call to a
 * {@code @Durable} method, and the options of that start.
 *
 * @param call a lambda making exactly one call to a {@code @Durable} method of an injected bean
 * @param options the start's options (its idempotency key among them)
 * @param <T> the result type
 */
public record StartRequest<T>(DurableCall<T> call, StartOptions options) {

    /**
     * Checks that both parts are given.
     *
     * @param call the call
     * @param options the options
     */
    public StartRequest {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(options, "options");
    }

    /**
     * A start with the default options.
     *
     * @param call a lambda making exactly one call to a {@code @Durable} method
     * @param <T> the result type
     * @return the request
     */
    public static <T> StartRequest<T> of(DurableCall<T> call) {
        return new StartRequest<>(call, StartOptions.defaults());
    }

    /**
     * A start with options.
     *
     * @param call a lambda making exactly one call to a {@code @Durable} method
     * @param options the start's options
     * @param <T> the result type
     * @return the request
     */
    public static <T> StartRequest<T> of(DurableCall<T> call, StartOptions options) {
        return new StartRequest<>(call, options);
    }
}
