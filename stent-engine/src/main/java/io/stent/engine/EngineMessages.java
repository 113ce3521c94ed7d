package io.stent.engine;

import io.stent.StentMessage;

/** The catalogue of the engine's codes: what the worker, replay, retries, schedules and retention say. */
public enum EngineMessages implements StentMessage {

    /** 1002. */
    DUPLICATE_FUNCTION("STENT-1002", "two durable functions named '{}' run version {}: {} and {}; give each version "
            + "one method",
            "Give each version of a function one @Durable method: rename one, or give it another version."),
    /** 1102. */
    NOT_ONE_DURABLE_CALL("STENT-1102", "{} lambda must call exactly one @Durable method of an injected bean, this "
            + "one called {}{}",
            "Make the lambda call exactly one @Durable method on an injected bean (not on this)."),
    /** 1103. */
    NESTED_START("STENT-1103", "Stent.start must not be nested in another start lambda",
            "Start the second execution outside the first start lambda."),
    /** 1104. */
    START_LAMBDA_THREW("STENT-1104", "the start lambda threw {}",
            "Compute the arguments before the start; the lambda only records the call."),
    /** 1105. */
    UNSTORABLE_ARGUMENT("STENT-1105", "cannot call {}: {}. {}",
            "Pass values JSON can hold and read back as the declared type, or an id to load in the step."),
    /** 1106. */
    UNSTORABLE_RESULT("STENT-1106", "the result of {} cannot be serialized: {}",
            "Return a value JSON can hold and read back as the declared type, or an id of the result."),
    /** 1107. */
    WRONG_ARGUMENT_COUNT("STENT-1107", "{} takes {} argument(s), got {}",
            "Pass as many arguments as the function's method takes."),
    /** 1108. */
    OUTSIDE_EXECUTION("STENT-1108", "Stent.{} can only be called inside a durable execution (a @Durable method run "
            + "by Stent); outside one, use Thread.sleep or your own wait",
            "Call it from inside a @Durable method that Stent runs."),
    /** 1111. */
    NEGATIVE_WAIT("STENT-1111", "{} must not be negative, got {}",
            "Pass zero or a positive duration."),
    /** 1112. */
    BAD_SIGNAL_NAME("STENT-1112", "a signal name must be 1 to 150 characters, got '{}'",
            "Use a signal name of 1 to 150 characters."),
    /** 1113. */
    ANY_OF_NOTHING("STENT-1113", "Stent.any needs at least one future",
            "Pass at least one future to Stent.any."),
    /** 1114. */
    FOREIGN_FUTURE("STENT-1114", "only futures returned by Stent.async can be awaited here, got {}",
            "Await only futures that Stent.async returned in the same workflow."),
    /** 1115. */
    VALUE_TOO_LARGE("STENT-1115", "{} is {} characters once stored, more than {} ({}); store a reference (an id, a "
            + "file name) instead of the value itself, or raise the limit",
            "Store a reference (an id, a file name) instead of the value, or raise the stent.limits.* setting."),
    /** 1405. */
    ENDED_OTHERWISE("STENT-1405", "execution {} ended {}",
            "Read the execution's status: it was cancelled or expired rather than completed."),
    /** 1406. */
    NOT_FINISHED("STENT-1406", "execution {} has not finished; it is {}. Use await(timeout) to wait for it.",
            "Use await(timeout) to wait for the result."),
    /** 1501. */
    BAD_CONFIGURATION("STENT-1501", "invalid configuration: {}",
            "Fix the named setting; the message says which values it takes."),
    /** 1510. */
    INCOMPLETE_ENGINE("STENT-1510", "an engine needs {}: call DurableEngine.builder(...).{}(...) before build()",
            "Give the builder an invoker and a serializer before build()."),
    /** 1801. */
    BAD_CRON("STENT-1801", "invalid cron expression: {}",
            "Fix the expression: five fields (or six with seconds first) or a macro such as @daily."),
    /** 1803. */
    NO_FIRE_TIME("STENT-1803", "cron expression '{}' has no fire time after {} in the next years",
            "Use an expression that still fires (its years may all be past)."),
    /** 1804. */
    BAD_SCHEDULE_NAME("STENT-1804", "a schedule's name must be 1 to {} characters without '/', got '{}'",
            "Use a name of 1 to 150 characters without '/'."),
    /** 1805. */
    UNKNOWN_ZONE("STENT-1805", "unknown time zone '{}' (use an id such as Europe/Berlin or UTC)",
            "Use a zone id such as Europe/Berlin or UTC."),
    /** 1806. */
    BAD_RETENTION_POLICY("STENT-1806", "invalid retention policy: {}",
            "Fix the named stent.retention.* setting."),
    /** 2001. */
    WORKER_STARTED("STENT-2001", "worker {} started with {} threads for {}",
            "Nothing: the worker claims from now on."),
    /** 2002. */
    WORKER_STOPPED("STENT-2002", "worker {} stopped{}",
            "Nothing: it stopped, releasing what did not finish."),
    /** 2003. */
    WORKER_DRAINING("STENT-2003", "worker {} stopped claiming; it waits up to {} for {} running task(s)",
            "Nothing: the worker finishes what runs, up to stent.worker.drain-timeout."),
    /** 2004. */
    DRAIN_TIME_UP("STENT-2004", "the drain time is up: the running tasks are interrupted and released for another "
            + "worker, without spending their attempts",
            "Raise stent.worker.drain-timeout if tasks should finish before a stop."),
    /** 2005. */
    STOP_WITHOUT_DATABASE("STENT-2005", "the database no longer answers while worker {} stops (on SIGTERM the "
            + "embedded H2 database closes itself before the server stops the application): its {} running task(s) "
            + "cannot record results or be released, so they are interrupted now. They are taken over, without "
            + "spending attempts, when this instance restarts or as soon as another instance sees this worker is "
            + "gone. To let them finish on SIGTERM with H2, add ;DB_CLOSE_ON_EXIT=FALSE to the H2 pool's URL.",
            "With embedded H2, add ;DB_CLOSE_ON_EXIT=FALSE to its URL so tasks can finish on SIGTERM."),
    /** 2006. */
    DATABASE_FAILED("STENT-2006", "Stent's database work failed: {}",
            "Check the database and the DataSource; the work is retried when it answers."),
    /** 2101. */
    STEP_RETRY("STENT-2101", "step attempt failed, will retry: {} [{}]",
            "Nothing unless it keeps failing: the step is retried in place by its policy."),
    /** 2102. */
    ATTEMPT_RETRY("STENT-2102", "attempt failed, retrying in {}: {}{}",
            "Nothing unless it keeps failing: the execution is retried by its policy."),
    /** 2103. */
    DEAD_LETTERED("STENT-2103", "failed after {} attempt(s), moved to the dead-letter queue{}",
            "Read the dead letter in the console, fix the cause and replay it."),
    /** 2104. */
    SLEEP_INTERRUPTED("STENT-2104", "interrupted while sleeping",
            "Nothing: the worker stops; the execution resumes elsewhere."),
    /** 2105. */
    INFRASTRUCTURE_RELEASE("STENT-2105", "the server or the infrastructure ended this attempt, not the application "
            + "({}); the task is released without spending an attempt and runs again in {}{}",
            "Check the server and the database; no attempt was spent."),
    /** 2106. */
    UNREADABLE_ARGUMENTS("STENT-2106", "the stored arguments of this execution can no longer be read as the "
            + "parameters of {}: {}. The code changed under an execution in flight; it is dead-lettered, not "
            + "retried: deploy code that reads them (or a new version of the function) and replay it",
            "Deploy code that reads the stored arguments (or a new version of the function) and replay it."),
    /** 2107. */
    KEEPS_KILLING_WORKERS("STENT-2107", "the worker running this execution died {} times in a row (limit "
            + "stent.worker.max-requeues = {}); it may be what kills its server (out of memory, a crash, "
            + "System.exit). It is dead-lettered so it stops taking servers down; replay it once the cause is fixed",
            "Find what kills the server (memory, System.exit, a crash) in this execution, fix it, replay it."),
    /** 2108. */
    INFRASTRUCTURE_FAILURE("STENT-2108", "the server or the infrastructure failed, not the application: {}",
            "Check the server and the database; the attempt runs again without spending one."),
    /** 2201. */
    LEASE_LOST("STENT-2201", "worker {} lost the lease before finishing; its outcome was discarded and the current "
            + "holder's counts [execution={} task={} function={} attempt={}]",
            "Raise stent.worker.lease if steps run longer than it without a heartbeat; the holder's outcome counts."),
    /** 2202. */
    RELEASED_AT_SHUTDOWN("STENT-2202", "{} the task that failed during shutdown ({}); another worker resumes it "
            + "without spending an attempt{}",
            "Nothing: another worker resumes it."),
    /** 2203. */
    LEASES_RECOVERED("STENT-2203", "recovered {} task(s) whose worker stopped renewing",
            "Nothing: tasks of a worker that stopped renewing run again."),
    /** 2204. */
    CLAIM_FAILED("STENT-2204", "claim loop failed, backing off {}",
            "Check the database; claiming resumes when it answers."),
    /** 2205. */
    GIVEN_BACK("STENT-2205", "the {} of task {} could not be {}; the task is given back to the queue, without "
            + "spending its attempt, as soon as the database answers",
            "Check the database; the task goes back to the queue without spending an attempt."),
    /** 2206. */
    RENEWAL_FAILED("STENT-2206", "lease renewal failed; leases expire in {} unless the database comes back",
            "Check the database; running tasks keep their leases until they expire."),
    /** 2207. */
    RELEASE_FAILED("STENT-2207", "could not release task {}; it is recovered when its lease expires, or at once by "
            + "an instance that sees this worker is gone",
            "Nothing: the task is recovered when its lease expires."),
    /** 2208. */
    BATCH_COMPLETION_FAILED("STENT-2208", "completing a batch of {} task(s) failed; each is retried on its own",
            "Nothing unless it repeats: each task is completed on its own."),
    /** 2209. */
    AFTER_COMMIT_FAILED("STENT-2209", "the end of task {} could not be handled after its commit",
            "Read the cause; the task's outcome is committed."),
    /** 2210. */
    REGISTRY_UNREACHABLE("STENT-2210", "the worker registry cannot be reached; dead workers' tasks are taken over "
            + "when their leases expire until it can",
            "Check the database; dead workers' tasks wait for their leases meanwhile."),
    /** 2211. */
    MARK_STOPPED_FAILED("STENT-2211", "could not mark worker {} stopped; others tell it is gone by its process or "
            + "session, or by its leases",
            "Nothing: other workers tell it is gone by its process, session or leases."),
    /** 2212. */
    LEASE_TAKEN_OVER("STENT-2212", "worker {} no longer holds the lease of execution {}: another worker took it "
            + "over, so this step's transaction rolls back",
            "Nothing: another worker holds the execution now; this attempt rolls back."),
    /** 2213. */
    CHECKPOINT_TAKEN("STENT-2213", "step {} of execution {} was recorded by another worker first; this attempt's "
            + "transaction rolls back and the recorded outcome is replayed",
            "Nothing: another worker recorded the step first; its outcome is used."),
    /** 2214. */
    LEFTOVER_TRANSACTION("STENT-2214", "the attempt left a transaction open on the worker thread (its container "
            + "failed halfway, most likely while the server stops); it was rolled back [execution={} task={}]",
            "Nothing unless it repeats outside shutdowns: the transaction was rolled back."),
    /** 2215. */
    UNRUNNABLE("STENT-2215", "{} execution(s) of {} wait for code that no live instance runs: deploy that function "
            + "and version (or list it in compatibleVersions of a newer one), or cancel them",
            "Deploy that function and version (or list it in compatibleVersions of a newer one), or cancel the "
                    + "executions."),
    /** 2216. */
    RUNNABLE_AGAIN("STENT-2216", "executions of {} can run again (or are gone)",
            "Nothing: the executions run again."),
    /** 2217. */
    GIVEN_BACK_LATER("STENT-2217", "task {} went back to the queue{} after the database came back",
            "Nothing: the task runs again."),
    /** 2218. */
    GIVE_BACK_WAITING("STENT-2218", "{} task(s) wait to be given back until the database answers",
            "Check the database; the tasks go back to the queue when it answers."),
    /** 2219. */
    DEAD_WORKER_TAKEN_OVER("STENT-2219", "worker {} is dead ({}); {} of its task(s) went back to the queue at once, "
            + "without spending attempts (its last sign of life: {})",
            "Nothing: a dead worker's tasks run again elsewhere without spending attempts."),
    /** 2220. */
    EARLIER_LIFE_TAKEN_BACK("STENT-2220", "{} task(s) still leased to an earlier life of worker {} went back to the "
            + "queue",
            "Nothing: tasks of this worker's earlier life run again."),
    /** 2221. */
    SESSION_LOCK_RELEASE_FAILED("STENT-2221", "could not release the session lock of worker {}",
            "Nothing: the lock goes with the connection."),
    /** 2230. */
    SCHEDULE_FUNCTION_ELSEWHERE("STENT-2230", "schedule {} starts {}, which this instance does not have: an instance "
            + "that has it fires the schedule",
            "Nothing if another instance has the function; else deploy it."),
    /** 2231. */
    SCHEDULE_ROUND_FAILED("STENT-2231", "a schedule round failed; the next one tries again",
            "Check the database; the next round tries again within a second."),
    /** 2232. */
    SCHEDULE_NO_LONGER_DECLARED("STENT-2232", "schedule {} of {} is in the database as declared, but this deployment "
            + "does not declare it: it goes on firing until it is deleted (console, command line or StentOperations)",
            "Delete the schedule (console, stent-cli schedules delete, StentOperations) if it is no longer wanted."),
    /** 2301. */
    LISTENER_FAILED("STENT-2301", "execution listener {} failed [{}]; the execution goes on",
            "Fix the listener; the execution goes on."),
    /** 2401. */
    CACHE_READ_FAILED("STENT-2401", "reading the result cache of {} failed; running the call",
            "Check the database; the call runs instead of using the cache."),
    /** 2402. */
    CACHE_WRITE_FAILED("STENT-2402", "caching a result of {} failed; the next call runs again",
            "Check the database; the next call runs again."),
    /** 2901. */
    VERSION_MISSING("STENT-2901", "stent-version.properties is missing from the stent-engine jar: rebuild it with "
            + "Maven",
            "Rebuild stent-engine with Maven.");

    private final String code;
    private final String template;
    private final String remedy;

    EngineMessages(String code, String template, String remedy) {
        this.code = code;
        this.template = template;
        this.remedy = remedy;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public String remedy() {
        return remedy;
    }
}
