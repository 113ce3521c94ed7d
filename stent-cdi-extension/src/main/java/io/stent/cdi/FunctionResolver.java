package io.stent.cdi;

import io.stent.Durable;
import io.stent.engine.FunctionDefinition;
import io.stent.engine.RetryPolicy;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves a durable method's options once, at deployment, by one rule for every option:
 * {@code stent.function."<name>".<option>} → {@code stent.function.<option>} → the annotation.
 */
final class FunctionResolver {

    private final Config config;

    FunctionResolver(Config config) {
        this.config = config;
    }

    /**
     * Resolves a definition.
     *
     * @throws IllegalArgumentException with a message naming the option and the method
     */
    FunctionDefinition resolve(DurableMethod found) {
        Durable durable = found.annotation();
        String name = found.derivedName();
        if (name.length() > 200) {
            throw new IllegalArgumentException("its name '" + name + "' is longer than 200 characters");
        }
        int version = option(name, "version", Integer::valueOf, durable.version());
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
        String queue = option(name, "queue", Function.identity(), durable.queue());
        if (queue.isBlank() || queue.length() > 100) {
            throw new IllegalArgumentException("queue must be 1 to 100 characters, got '" + queue + "'");
        }
        RetryPolicy retry = new RetryPolicy(
                option(name, "max-attempts", Integer::valueOf, durable.maxAttempts()),
                duration(name, "initial-backoff", durable.initialBackoff()),
                option(name, "backoff-multiplier", Double::valueOf, durable.backoffMultiplier()),
                duration(name, "max-backoff", durable.maxBackoff()),
                List.of(durable.retryOn()),
                List.of(durable.abortOn()));
        String timeoutText = option(name, "timeout", Function.identity(), durable.timeout()).trim();
        Duration timeout = timeoutText.isEmpty() ? null : duration(name, "timeout", timeoutText);
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        int priority = option(name, "priority", Integer::valueOf, durable.priority());
        int maxConcurrent = option(name, "max-concurrent", Integer::valueOf, durable.maxConcurrent());
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("max-concurrent must be 0 (no limit) or positive, got " + maxConcurrent);
        }
        java.util.Set<String> tags = option(name, "tags", FunctionResolver::tagSet,
                java.util.Set.copyOf(java.util.Arrays.asList(durable.tags())));
        for (String tag : tags) {
            if (tag.isBlank() || tag.contains(",") || !tag.equals(tag.trim()) || tag.length() > 100) {
                throw new IllegalArgumentException("each tag must be 1 to 100 characters without commas or"
                        + " surrounding spaces (a worker's stent.worker.tags is a comma-separated list), got '"
                        + tag + "'");
            }
        }
        if (String.join(",", tags).length() > 900) {
            throw new IllegalArgumentException("a function's tags must add up to at most 900 characters, got "
                    + String.join(",", tags).length());
        }
        java.util.Set<Integer> compatible = new java.util.TreeSet<>();
        for (int older : durable.compatibleVersions()) {
            if (older < 1 || older >= version) {
                throw new IllegalArgumentException("compatibleVersions must list older versions (1 to "
                        + (version - 1) + "), got " + older);
            }
            compatible.add(older);
        }
        String cacheText = option(name, "cache-for", Function.identity(), durable.cacheFor()).trim();
        Duration cacheFor = cacheText.isEmpty() ? null : duration(name, "cache-for", cacheText);
        if (cacheFor != null && (cacheFor.isNegative() || cacheFor.isZero())) {
            throw new IllegalArgumentException("cache-for must be positive, got " + cacheFor);
        }
        return new FunctionDefinition(name, version, queue, retry, timeout,
                new FunctionDefinition.Routing(priority, tags, maxConcurrent, cacheFor), compatible, found.method(),
                found.bean());
    }

    static java.util.Set<String> tagSet(String text) {
        java.util.Set<String> tags = new java.util.TreeSet<>();
        for (String tag : text.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        return tags;
    }

    private Duration duration(String name, String option, String annotated) {
        String text = option(name, option, Function.identity(), annotated);
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not an ISO-8601 duration such as PT1S");
        }
    }

    private <T> T option(String name, String option, Function<String, T> parse, T annotated) {
        String functionKey = "stent.function.\"" + name + "\"." + option;
        String globalKey = "stent.function." + option;
        Optional<String> configured = config.getOptionalValue(functionKey, String.class)
                .or(() -> config.getOptionalValue(globalKey, String.class));
        if (configured.isEmpty()) {
            return annotated;
        }
        try {
            return parse.apply(configured.get().trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("configured " + option + " '" + configured.get()
                    + "' (key " + functionKey + " or " + globalKey + ") is not valid: " + e.getMessage());
        }
    }
}
