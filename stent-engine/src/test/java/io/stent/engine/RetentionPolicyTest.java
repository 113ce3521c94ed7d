package io.stent.engine;

import io.stent.engine.store.Retention;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPolicyTest {

    @Test
    void aFunctionsOwnAgeReplacesTheGeneralOne_forTheStatusesItNames_only() {
        RetentionPolicy policy = new RetentionPolicy(Map.of("COMPLETED", Duration.ofDays(7), "FAILED",
                Duration.ofDays(30)), Map.of("billing.charge", Map.of("COMPLETED", Duration.ofDays(400))), null, null,
                500);
        assertEquals(List.of(
                new Retention.Rule(Set.of("COMPLETED"), Duration.ofDays(400), "billing.charge", Set.of()),
                new Retention.Rule(Set.of("COMPLETED"), Duration.ofDays(7), null, Set.of("billing.charge")),
                new Retention.Rule(Set.of("FAILED"), Duration.ofDays(30), null, Set.of())), policy.rules(),
                "billing.charge keeps completed ones 400 days; its failed ones follow the general 30");
    }

    @Test
    void aStatusWithoutAnAge_isKeptForEver() {
        assertTrue(new RetentionPolicy(Map.of(), Map.of(), null, null, 1).rules().isEmpty());
    }

    @Test
    void badPolicies_sayWhatIsWrong() {
        assertTrue(assertThrows(io.stent.StentArgumentException.class, () -> new RetentionPolicy(Map.of("RUNNING",
                Duration.ofDays(1)), Map.of(), null, null, 10)).getMessage().contains("not RUNNING"));
        assertTrue(assertThrows(io.stent.StentArgumentException.class, () -> new RetentionPolicy(Map.of(), Map.of(), null,
                null, 0)).getMessage().contains("batch size"));
        assertTrue(assertThrows(io.stent.StentArgumentException.class, () -> new RetentionPolicy(Map.of("FAILED",
                Duration.ofDays(-1)), Map.of(), null, null, 10)).getMessage().contains("must not be negative"));
    }
}
