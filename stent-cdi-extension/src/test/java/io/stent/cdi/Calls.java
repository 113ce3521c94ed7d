package io.stent.cdi;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often each test body really ran, keyed by a label the test chooses.
 */
@ApplicationScoped
public class Calls {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    int increment(String key) {
        return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    int count(String key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }
}
