package io.stent.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When a failed function is attempted again, and after how long. Resolved at deployment from the
 * annotation and configuration, so nothing of it has to survive in the database.
 *
 * @param maxAttempts total attempts, at least 1
 * @param initialBackoff wait before the second attempt
 * @param multiplier growth of the wait per attempt, at least 1
 * @param maxBackoff cap of the wait
 * @param retryOn exception types that are retried
 * @param abortOn exception types that are never retried
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          List<Class<? extends Throwable>> retryOn, List<Class<? extends Throwable>> abortOn) {

    /** Validates the policy. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1.0, got " + multiplier);
        }
        retryOn = List.copyOf(retryOn);
        abortOn = List.copyOf(abortOn);
    }

    /**
     * Tells whether a failure of {@code attempt} (1-based) is attempted again.
     *
     * @param failure the failure
     * @param attempt the attempt that failed
     * @return true to retry
     */
    public boolean retries(Throwable failure, int attempt) {
        Objects.requireNonNull(failure);
        if (attempt >= maxAttempts) {
            return false;
        }
        if (abortOn.stream().anyMatch(type -> type.isInstance(failure))) {
            return false;
        }
        return retryOn.stream().anyMatch(type -> type.isInstance(failure));
    }

    /**
     * The wait after attempt {@code failedAttempt} failed: exponential growth, capped, with
     * "equal jitter" (a random point in the upper half of the window) so that retries of many
     * failed tasks spread out.
     *
     * @param failedAttempt the attempt that failed, 1-based
     * @param random a source of numbers in [0, 1)
     * @return the wait before the next attempt
     */
    public Duration backoffAfter(int failedAttempt, DoubleSupplier random) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double jittered = capped / 2 + random.getAsDouble() * capped / 2;
        return Duration.ofMillis(Math.round(jittered));
    }
}
