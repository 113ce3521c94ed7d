package io.stent.engine;

import java.time.Duration;

/**
 * The engine's tuning, validated once at start.
 *
 * @param workerId this worker's id, unique among live workers
 * @param workerThreads how many tasks run at once in this instance
 * @param claimBatch the most tasks claimed in one statement
 * @param lease how long a claim holds without renewal
 * @param heartbeat how often leases are renewed
 * @param pollMin the shortest idle poll interval
 * @param pollMax the longest idle poll interval (adaptive backoff grows to it)
 * @param awaitTimeout how long a direct call of a durable method waits for its result
 * @param drainTimeout how long shutdown waits for running tasks before releasing them
 * @param recoveryInterval how often expired leases are looked for
 * @param sleepBlockingLimit durable sleeps up to this long block their thread; longer ones suspend
 * @param routing the queues and tags this worker serves, and queue limits
 * @param joinStepTransactions whether a step that runs in a transaction writes its checkpoint in it
 * @param failures how failures of the server and the infrastructure are handled
 * @param joinStartTransactions whether {@code Stent.start} inside a caller's transaction writes the
 *     execution in it, so that it starts if and when that transaction commits
 * @param values how large stored values may be, and what a reused idempotency key may mean
 * @param scheduleInterval how often each instance looks for due schedules (one indexed query), so a
 *     fire time starts within about that long of it
 */
public record EngineSettings(String workerId, int workerThreads, int claimBatch, Duration lease, Duration heartbeat,
                             Duration pollMin, Duration pollMax, Duration awaitTimeout, Duration drainTimeout,
                             Duration recoveryInterval, Duration sleepBlockingLimit, WorkerRouting routing,
                             boolean joinStepTransactions, FailureHandling failures, boolean joinStartTransactions,
                             ValueRules values, Duration scheduleInterval) {

    /**
     * Settings with every value at its default but the worker's id; see {@link Builder}.
     *
     * @param workerId this worker's id, unique among live workers
     * @return a builder
     */
    public static Builder builder(String workerId) {
        return new Builder(workerId);
    }

    /**
     * Rules for what is stored.
     *
     * @param maxArgumentChars the longest serialized arguments (or signal payload) a call may store
     * @param maxResultChars the longest serialized result a function may store
     * @param maxStackTraceChars the longest stack trace stored with an error (longer ones are cut)
     * @param strictIdempotencyKeys whether a key reused for another function or other arguments is an
     *     error; otherwise the execution holding it is returned
     */
    public record ValueRules(int maxArgumentChars, int maxResultChars, int maxStackTraceChars,
                             boolean strictIdempotencyKeys) {

        /** 1 MiB of arguments or result, 32 KiB of stack trace, strict keys. */
        public static final ValueRules DEFAULT = new ValueRules(1 << 20, 1 << 20, 32 << 10, true);

        /** Validates the rules; every message names the setting. */
        public ValueRules {
            require(maxArgumentChars >= 16, "stent.limits.arguments must be at least 16, got " + maxArgumentChars);
            require(maxResultChars >= 16, "stent.limits.result must be at least 16, got " + maxResultChars);
            require(maxStackTraceChars >= 256, "stent.limits.stack-trace must be at least 256, got "
                    + maxStackTraceChars);
        }
    }

    /**
     * How failures that are not the application's are handled.
     *
     * @param maxRequeues how often a task may go back to the queue because the worker running it
     *     died before it is dead-lettered (a task that kills its server would otherwise loop)
     * @param infrastructureBackoff the first wait after the server or the infrastructure failed
     * @param infrastructureBackoffMax the longest such wait (it doubles while failures go on)
     * @param presenceInterval how often a worker records a sign of life and looks for dead workers
     *     whose tasks it can take over at once
     * @param processChecks whether a worker may judge another worker on its host dead because its
     *     process is gone
     */
    public record FailureHandling(int maxRequeues, Duration infrastructureBackoff, Duration infrastructureBackoffMax,
                                  Duration presenceInterval, boolean processChecks) {

        /** 20 requeues; waits from half a second up to 30 seconds; a sign of life every 250 ms. */
        public static final FailureHandling DEFAULT = new FailureHandling(20, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofMillis(250), true);

        /** Validates the settings; every message names the setting. */
        public FailureHandling {
            require(maxRequeues >= 1, "stent.worker.max-requeues must be at least 1, got " + maxRequeues);
            require(!infrastructureBackoff.isNegative() && !infrastructureBackoff.isZero(),
                    "stent.worker.infrastructure-backoff must be positive");
            require(infrastructureBackoffMax.compareTo(infrastructureBackoff) >= 0,
                    "stent.worker.infrastructure-backoff-max must be at least stent.worker.infrastructure-backoff");
            require(presenceInterval.toMillis() >= 10, "stent.worker.presence-interval must be at least PT0.01S");
        }
    }

    /** Validates the settings; every message names the setting. */
    public EngineSettings {
        require(workerId != null && !workerId.isBlank() && workerId.length() <= 200,
                "stent.worker.id must be 1 to 200 characters");
        require(workerThreads >= 1, "stent.worker.threads must be at least 1, got " + workerThreads);
        require(claimBatch >= 1, "stent.worker.claim-batch must be at least 1, got " + claimBatch);
        require(lease.toMillis() >= 1000, "stent.worker.lease must be at least PT1S, got " + lease);
        require(!heartbeat.isNegative() && heartbeat.compareTo(lease) < 0,
                "stent.worker.heartbeat (" + heartbeat + ") must be shorter than stent.worker.lease (" + lease + ")");
        require(!pollMin.isNegative() && !pollMin.isZero(), "stent.worker.poll-min must be positive");
        require(pollMax.compareTo(pollMin) >= 0, "stent.worker.poll-max must be at least stent.worker.poll-min");
        require(!awaitTimeout.isNegative() && !awaitTimeout.isZero(), "stent.await-timeout must be positive");
        require(!drainTimeout.isNegative(), "stent.worker.drain-timeout must not be negative");
        require(!recoveryInterval.isNegative() && !recoveryInterval.isZero(), "stent.worker.recovery-interval must be positive");
        require(!sleepBlockingLimit.isNegative() && sleepBlockingLimit.compareTo(lease) < 0,
                "stent.sleep.blocking-limit must be at least zero and shorter than stent.worker.lease");
        require(scheduleInterval.toMillis() >= 10, "stent.schedule.interval must be at least PT0.01S, got "
                + scheduleInterval);
    }

    /**
     * Builds settings from named values, each with the default the configuration reference gives
     * (the MicroProfile Config key is named on each method).
     */
    public static final class Builder {
        private final String workerId;
        private int workerThreads = 8;
        private int claimBatch = 32;
        private Duration lease = Duration.ofSeconds(30);
        private Duration heartbeat = Duration.ofSeconds(10);
        private Duration pollMin = Duration.ofMillis(10);
        private Duration pollMax = Duration.ofSeconds(1);
        private Duration awaitTimeout = Duration.ofMinutes(5);
        private Duration drainTimeout = Duration.ofSeconds(30);
        private Duration recoveryInterval = Duration.ofSeconds(5);
        private Duration sleepBlockingLimit = Duration.ofSeconds(1);
        private WorkerRouting routing = WorkerRouting.ALL;
        private boolean joinStepTransactions = true;
        private FailureHandling failures = FailureHandling.DEFAULT;
        private boolean joinStartTransactions = true;
        private ValueRules values = ValueRules.DEFAULT;
        private Duration scheduleInterval = Duration.ofSeconds(1);

        private Builder(String workerId) {
            this.workerId = workerId;
        }

        /**
         * @param value {@code stent.worker.threads}, default 8
         * @return this
         */
        public Builder workerThreads(int value) {
            workerThreads = value;
            return this;
        }

        /**
         * @param value {@code stent.worker.claim-batch}, default 32
         * @return this
         */
        public Builder claimBatch(int value) {
            claimBatch = value;
            return this;
        }

        /**
         * @param value {@code stent.worker.lease}, default 30 s
         * @return this
         */
        public Builder lease(Duration value) {
            lease = value;
            return this;
        }

        /**
         * @param value {@code stent.worker.heartbeat}, default 10 s
         * @return this
         */
        public Builder heartbeat(Duration value) {
            heartbeat = value;
            return this;
        }

        /**
         * @param value {@code stent.worker.poll-min}, default 10 ms
         * @return this
         */
        public Builder pollMin(Duration value) {
            pollMin = value;
            return this;
        }

        /**
         * @param value {@code stent.worker.poll-max}, default 1 s
         * @return this
         */
        public Builder pollMax(Duration value) {
            pollMax = value;
            return this;
        }

        /**
         * @param value {@code stent.await-timeout}, default 5 min
         * @return this
         */
        public Builder awaitTimeout(Duration value) {
            awaitTimeout = value;
            return this;
        }

        /**
         * @param value {@code stent.worker.drain-timeout}, default 30 s
         * @return this
         */
        public Builder drainTimeout(Duration value) {
            drainTimeout = value;
            return this;
        }

        /**
         * @param value {@code stent.worker.recovery-interval}, default 5 s
         * @return this
         */
        public Builder recoveryInterval(Duration value) {
            recoveryInterval = value;
            return this;
        }

        /**
         * @param value {@code stent.sleep.blocking-limit}, default 1 s
         * @return this
         */
        public Builder sleepBlockingLimit(Duration value) {
            sleepBlockingLimit = value;
            return this;
        }

        /**
         * @param value {@code stent.worker.queues}, {@code stent.worker.tags}, queue limits; default all
         * @return this
         */
        public Builder routing(WorkerRouting value) {
            routing = value;
            return this;
        }

        /**
         * @param value {@code stent.steps.join-transaction}, default true
         * @return this
         */
        public Builder joinStepTransactions(boolean value) {
            joinStepTransactions = value;
            return this;
        }

        /**
         * @param value the {@code stent.worker.*} failure settings, default {@link FailureHandling#DEFAULT}
         * @return this
         */
        public Builder failures(FailureHandling value) {
            failures = value;
            return this;
        }

        /**
         * @param value {@code stent.start.join-transaction}, default true
         * @return this
         */
        public Builder joinStartTransactions(boolean value) {
            joinStartTransactions = value;
            return this;
        }

        /**
         * @param value the {@code stent.limits.*} rules, default {@link ValueRules#DEFAULT}
         * @return this
         */
        public Builder values(ValueRules value) {
            values = value;
            return this;
        }

        /**
         * @param value {@code stent.schedule.interval}, default 1 s
         * @return this
         */
        public Builder scheduleInterval(Duration value) {
            scheduleInterval = value;
            return this;
        }

        /**
         * @return the settings
         * @throws io.stent.StentArgumentException naming the setting that is out of range
         */
        public EngineSettings build() {
            return new EngineSettings(workerId, workerThreads, claimBatch, lease, heartbeat, pollMin, pollMax,
                    awaitTimeout, drainTimeout, recoveryInterval, sleepBlockingLimit, routing, joinStepTransactions,
                    failures, joinStartTransactions, values, scheduleInterval);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new io.stent.StentArgumentException(EngineMessages.BAD_CONFIGURATION, message);
        }
    }
}
