package io.stent.it.dropin;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When each customer's registration step first ran. */
@ApplicationScoped
public class RunTimes {

    private final Map<String, Instant> firstRuns = new ConcurrentHashMap<>();

    void ran(String name) {
        firstRuns.putIfAbsent(name, Instant.now());
    }

    Instant firstRun(String name) {
        return firstRuns.get(name);
    }
}
