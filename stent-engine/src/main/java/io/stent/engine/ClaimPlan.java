package io.stent.engine;

import io.stent.engine.store.ClaimGroup;
import io.stent.engine.store.FunctionKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the deployment's functions and the worker's routing into claim groups: which functions
 * this worker claims at all (queue served, tags present), and which claim together under the same
 * limits. Computed once at start.
 */
final class ClaimPlan {

    private ClaimPlan() {
    }

    static List<ClaimGroup> of(FunctionRegistry registry, WorkerRouting routing) {
        List<FunctionKey> free = new ArrayList<>();
        Map<Object, List<FunctionKey>> limited = new LinkedHashMap<>();
        Map<Object, ClaimGroup> templates = new LinkedHashMap<>();
        for (FunctionDefinition function : registry.all()) {
            if (!serves(routing, function)) {
                continue;
            }
            List<ClaimGroup.ConcurrencyLimit> concurrency = new ArrayList<>();
            if (function.routing().maxConcurrent() > 0) {
                concurrency.add(new ClaimGroup.ConcurrencyLimit("function:" + function.name(),
                        function.routing().maxConcurrent(), function.name(), null));
            }
            ClaimGroup.RateLimit rate = null;
            WorkerRouting.QueueLimit queueLimit = routing.queueLimits().get(function.queue());
            if (queueLimit != null && queueLimit.maxConcurrent() > 0) {
                concurrency.add(new ClaimGroup.ConcurrencyLimit("queue:" + function.queue(),
                        queueLimit.maxConcurrent(), null, function.queue()));
            }
            if (queueLimit != null && queueLimit.ratePerSecond() > 0) {
                double burst = queueLimit.burst() > 0 ? queueLimit.burst() : Math.max(1, queueLimit.ratePerSecond());
                rate = new ClaimGroup.RateLimit("rate:" + function.queue(), queueLimit.ratePerSecond(), burst);
            }
            if (concurrency.isEmpty() && rate == null) {
                keys(function).forEach(free::add);
            } else {
                Object key = Objects.hash(concurrency, rate);
                limited.computeIfAbsent(key, k -> new ArrayList<>()).addAll(keys(function));
                templates.putIfAbsent(key, new ClaimGroup(List.of(), concurrency, rate));
            }
        }
        List<ClaimGroup> groups = new ArrayList<>();
        if (!free.isEmpty()) {
            groups.add(new ClaimGroup(free, List.of(), null));
        }
        limited.forEach((key, functions) -> {
            ClaimGroup template = templates.get(key);
            groups.add(new ClaimGroup(functions, template.concurrency(), template.rate()));
        });
        return groups;
    }

    private static List<FunctionKey> keys(FunctionDefinition function) {
        return function.runsVersions().stream().map(v -> new FunctionKey(function.name(), v)).toList();
    }

    private static boolean serves(WorkerRouting routing, FunctionDefinition function) {
        return (routing.queues().isEmpty() || routing.queues().contains(function.queue()))
                && routing.tags().containsAll(function.routing().tags());
    }
}
