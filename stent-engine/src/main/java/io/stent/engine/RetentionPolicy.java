package io.stent.engine;

import io.stent.engine.store.Retention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How long what ends is kept: ended executions by status, for every function or one, dead
 * letters and audit rows. A status or kind without an age is kept for ever.
 *
 * @param ages how long executions that ended in a status are kept (COMPLETED, FAILED, CANCELLED, EXPIRED)
 * @param functionAges per function name, ages that replace {@code ages} for that function
 * @param deadLetters how long dead letters are kept, or null for ever
 * @param audit how long audit rows are kept, or null for ever
 * @param batchSize how many top-level executions (or rows) one transaction deletes at most
 */
public record RetentionPolicy(Map<String, Duration> ages, Map<String, Map<String, Duration>> functionAges,
                              Duration deadLetters, Duration audit, int batchSize) {

    /** The end statuses a policy may name. */
    public static final Set<String> STATUSES = Set.of("COMPLETED", "FAILED", "CANCELLED", "EXPIRED");

    /** Copies the maps and checks them. */
    public RetentionPolicy {
        ages = Map.copyOf(ages);
        functionAges = functionAges.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        for (Map<String, Duration> each : java.util.stream.Stream.concat(java.util.stream.Stream.of(ages),
                functionAges.values().stream()).toList()) {
            for (Map.Entry<String, Duration> age : each.entrySet()) {
                if (!STATUSES.contains(age.getKey())) {
                    throw new io.stent.StentArgumentException(EngineMessages.BAD_RETENTION_POLICY, 
                            "retention names end statuses " + STATUSES + ", not " + age.getKey());
                }
                if (age.getValue().isNegative()) {
                    throw new io.stent.StentArgumentException(EngineMessages.BAD_RETENTION_POLICY, 
                            "a retention age must not be negative, got " + age.getValue() + " for " + age.getKey());
                }
            }
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new io.stent.StentArgumentException(EngineMessages.BAD_RETENTION_POLICY, 
                    "the retention batch size must be 1 to 10000, got " + batchSize);
        }
    }

    /**
     * The rules that delete executions: one per function and status it names, then one per status
     * for every other function.
     *
     * @return the rules, those of single functions first
     */
    public List<Retention.Rule> rules() {
        List<Retention.Rule> rules = new ArrayList<>();
        for (Map.Entry<String, Map<String, Duration>> function : new TreeMap<>(functionAges).entrySet()) {
            for (Map.Entry<String, Duration> age : new TreeMap<>(function.getValue()).entrySet()) {
                rules.add(new Retention.Rule(Set.of(age.getKey()), age.getValue(), function.getKey(), Set.of()));
            }
        }
        for (Map.Entry<String, Duration> age : new TreeMap<>(ages).entrySet()) {
            Set<String> own = functionAges.entrySet().stream().filter(e -> e.getValue().containsKey(age.getKey()))
                    .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
            rules.add(new Retention.Rule(Set.of(age.getKey()), age.getValue(), null, own));
        }
        return rules;
    }
}
