package io.stent.bench;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Results of benchmark runs that run in the background. */
@ApplicationScoped
public class BenchResults {

    private final Map<String, Map<String, Object>> results = new ConcurrentHashMap<>();

    void clear(String name) {
        results.remove(name);
    }

    void put(String name, Map<String, Object> result) {
        results.put(name, result);
    }

    Map<String, Object> get(String name) {
        return results.getOrDefault(name, Map.of("running", true));
    }
}
