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
    private final Map<String, java.util.concurrent.CountDownLatch> gates = new ConcurrentHashMap<>();

    /** The gate of a key: closed until {@link #open(String)}. */
    java.util.concurrent.CountDownLatch gate(String key) {
        return gates.computeIfAbsent(key, k -> new java.util.concurrent.CountDownLatch(1));
    }

    void open(String key) {
        gate(key).countDown();
    }

    int increment(String key) {
        return counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    int count(String key) {
        AtomicInteger count = counts.get(key);
        return count == null ? 0 : count.get();
    }
}
