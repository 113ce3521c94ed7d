package io.stent;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for {@link Stent#start(DurableCall, StartOptions)}. Immutable; each {@code with}
 * method returns a copy. All times are measured by the database clock from the moment the start
 * call persists the execution.
 */
public final class StartOptions {

    private static final StartOptions DEFAULTS = new StartOptions(null, Duration.ZERO, null, null);

    private final String idempotencyKey;
    private final Duration delay;
    private final Duration deadline;
    private final Integer priority;

    private StartOptions(String idempotencyKey, Duration delay, Duration deadline, Integer priority) {
        this.idempotencyKey = idempotencyKey;
        this.delay = delay;
        this.deadline = deadline;
        this.priority = priority;
    }

    /**
     * The default options: no idempotency key, no delay, no deadline.
     *
     * @return the defaults
     */
    public static StartOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns options with an idempotency key: a second start with the same key returns the
     * first execution instead of starting another.
     *
     * @param key a non-blank key of at most 200 characters
     * @return the new options
     * @throws io.stent.StentArgumentException if the key is blank or too long
     */
    public StartOptions withIdempotencyKey(String key) {
        Objects.requireNonNull(key, "idempotency key");
        if (key.isBlank() || key.length() > 200) {
            throw new io.stent.StentArgumentException(ApiMessages.BAD_IDEMPOTENCY_KEY, key);
        }
        return new StartOptions(key, delay, deadline, priority);
    }

    /**
     * Returns options that make the execution start no earlier than {@code delay} after the
     * start call.
     *
     * @param delay the delay, zero or positive
     * @return the new options
     * @throws io.stent.StentArgumentException if the delay is negative
     */
    public StartOptions withDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new io.stent.StentArgumentException(ApiMessages.NEGATIVE_DELAY, delay);
        }
        return new StartOptions(idempotencyKey, delay, deadline, priority);
    }

    /**
     * Returns options with a deadline: the execution must finish within {@code deadline} of the
     * start call, delay and queueing included. An execution not started by then never runs; a
     * running one fails its next durable call with {@link ExecutionExpiredException}; either ends
     * {@link ExecutionStatus#EXPIRED}.
     *
     * @param deadline the deadline, positive
     * @return the new options
     * @throws io.stent.StentArgumentException if the deadline is not positive
     */
    public StartOptions withDeadline(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new io.stent.StentArgumentException(ApiMessages.BAD_DEADLINE, deadline);
        }
        return new StartOptions(idempotencyKey, delay, deadline, priority);
    }

    /**
     * Returns options with a priority for this execution, overriding the function's
     * {@link Durable#priority()}: higher runs first when work queues up.
     *
     * @param priority the priority
     * @return the new options
     */
    public StartOptions withPriority(int priority) {
        return new StartOptions(idempotencyKey, delay, deadline, priority);
    }

    /**
     * The priority, if one was set.
     *
     * @return the priority
     */
    public Optional<Integer> priority() {
        return Optional.ofNullable(priority);
    }

    /**
     * The idempotency key, if one was set.
     *
     * @return the key
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /**
     * The start delay.
     *
     * @return the delay, zero by default
     */
    public Duration delay() {
        return delay;
    }

    /**
     * The deadline, if one was set.
     *
     * @return the deadline
     */
    public Optional<Duration> deadline() {
        return Optional.ofNullable(deadline);
    }
}
