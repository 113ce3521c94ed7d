package io.stent.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5),
            List.of(RuntimeException.class), List.of(IllegalArgumentException.class));

    @Test
    void retries_untilMaxAttempts() {
        assertTrue(policy.retries(new IllegalStateException(), 1));
        assertTrue(policy.retries(new IllegalStateException(), 3));
        assertFalse(policy.retries(new IllegalStateException(), 4));
    }

    @Test
    void abortOn_winsOverRetryOn_andOtherTypesAreNotRetried() {
        assertFalse(policy.retries(new IllegalArgumentException(), 1));
        assertFalse(policy.retries(new IOException(), 1));
        assertTrue(policy.retries(new UncheckedIOException(new IOException()), 1));
    }

    @Test
    void backoff_growsExponentially_isCapped_andJitteredInUpperHalf() {
        assertEquals(Duration.ofMillis(500), policy.backoffAfter(1, () -> 0.0));
        assertEquals(Duration.ofMillis(1000), policy.backoffAfter(1, () -> 1.0));
        assertEquals(Duration.ofMillis(2000), policy.backoffAfter(2, () -> 1.0));
        assertEquals(Duration.ofMillis(4000), policy.backoffAfter(3, () -> 1.0));
        assertEquals(Duration.ofMillis(5000), policy.backoffAfter(10, () -> 1.0), "capped");
        assertEquals(Duration.ofMillis(2500), policy.backoffAfter(10, () -> 0.0), "lower bound is half the cap");
    }

    @Test
    void invalidPolicy_isRejectedWithTheFieldNamed() {
        var error = assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, 2,
                Duration.ZERO, List.of(), List.of()));
        assertTrue(error.getMessage().contains("maxAttempts"));
        error = assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(1, Duration.ZERO, 0.5,
                Duration.ZERO, List.of(), List.of()));
        assertTrue(error.getMessage().contains("backoffMultiplier"));
    }
}
