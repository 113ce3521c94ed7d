package io.stent.cdi;

import io.stent.engine.EngineSettings;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads the runtime's settings from MicroProfile Config, with the documented defaults.
 */
final class SettingsReader {


    private final Config config;

    SettingsReader(Config config) {
        this.config = config;
    }

    String dataSource() {
        return text(io.stent.store.StentDataSource.KEY, io.stent.store.StentDataSource.DEFAULT);
    }

    boolean workerEnabled() {
        return Boolean.parseBoolean(text("stent.worker.enabled", "true"));
    }

    boolean migrate() {
        return Boolean.parseBoolean(text("stent.schema.migrate", "true"));
    }

    EngineSettings engine(java.util.Set<String> queues) {
        return EngineSettings.builder(text("stent.worker.id", defaultWorkerId()))
                .workerThreads(number("stent.worker.threads", 8))
                .claimBatch(number("stent.worker.claim-batch", 32))
                .lease(duration("stent.worker.lease", "PT30S"))
                .heartbeat(duration("stent.worker.heartbeat", "PT10S"))
                .pollMin(duration("stent.worker.poll-min", "PT0.01S"))
                .pollMax(duration("stent.worker.poll-max", "PT1S"))
                .awaitTimeout(duration("stent.await-timeout", "PT5M"))
                .drainTimeout(duration("stent.worker.drain-timeout", "PT30S"))
                .recoveryInterval(duration("stent.worker.recovery-interval", "PT5S"))
                .sleepBlockingLimit(duration("stent.sleep.blocking-limit", "PT1S"))
                .routing(routing(queues))
                .joinStepTransactions(Boolean.parseBoolean(text("stent.steps.join-transaction", "true")))
                .failures(new EngineSettings.FailureHandling(
                        number("stent.worker.max-requeues", 20),
                        duration("stent.worker.infrastructure-backoff", "PT0.5S"),
                        duration("stent.worker.infrastructure-backoff-max", "PT30S"),
                        duration("stent.worker.presence-interval", "PT0.25S"),
                        Boolean.parseBoolean(text("stent.worker.process-checks", "true"))))
                .joinStartTransactions(Boolean.parseBoolean(text("stent.start.join-transaction", "true")))
                .values(new EngineSettings.ValueRules(number("stent.limits.arguments", 1 << 20),
                        number("stent.limits.result", 1 << 20), number("stent.limits.stack-trace", 32 << 10),
                        idempotencyConflictFails()))
                .scheduleInterval(duration("stent.schedule.interval", "PT1S"))
                .build();
    }

    private boolean idempotencyConflictFails() {
        String value = text("stent.start.idempotency-conflict", "fail");
        if (!value.equals("fail") && !value.equals("return-existing")) {
            throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_CONFIGURATION, 
                    "stent.start.idempotency-conflict '" + value + "' must be fail or return-existing");
        }
        return value.equals("fail");
    }

    /** Served queues and tags of this worker, and the limits of the given queues. */
    private io.stent.engine.WorkerRouting routing(java.util.Set<String> queues) {
        String served = text("stent.worker.queues", "*");
        java.util.Set<String> servedQueues = served.equals("*") ? java.util.Set.of() : FunctionResolver.tagSet(served);
        java.util.Map<String, io.stent.engine.WorkerRouting.QueueLimit> limits = new java.util.HashMap<>();
        for (String queue : queues) {
            String prefix = "stent.queue.\"" + queue + "\".";
            int maxConcurrent = number(prefix + "max-concurrent", 0);
            double rate = decimal(prefix + "rate-limit", 0);
            double burst = decimal(prefix + "rate-burst", 0);
            if (maxConcurrent > 0 || rate > 0) {
                limits.put(queue, new io.stent.engine.WorkerRouting.QueueLimit(maxConcurrent, rate, burst));
            }
        }
        return new io.stent.engine.WorkerRouting(servedQueues, FunctionResolver.tagSet(text("stent.worker.tags", "")),
                limits);
    }

    private double decimal(String key, double fallback) {
        String value = text(key, Double.toString(fallback));
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_CONFIGURATION, 
                    key + " '" + value + "' is not a number");
        }
    }

    private static String defaultWorkerId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "stent");
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String text(String key, String fallback) {
        return config.getOptionalValue(key, String.class).map(String::trim).orElse(fallback);
    }

    private int number(String key, int fallback) {
        String value = text(key, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_CONFIGURATION, 
                    key + " '" + value + "' is not a whole number");
        }
    }

    private Duration duration(String key, String fallback) {
        String value = text(key, fallback);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_CONFIGURATION, 
                    key + " '" + value + "' is not an ISO-8601 duration such as PT30S");
        }
    }
}
