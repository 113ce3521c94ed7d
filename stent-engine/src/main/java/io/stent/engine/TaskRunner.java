package io.stent.engine;

import io.stent.ExecutionCancelledException;
import io.stent.ExecutionExpiredException;
import io.stent.ExecutionStatus;
import io.stent.NonDeterministicWorkflowError;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.TaskClaims;
import io.stent.engine.store.TaskCompletion;
import io.stent.spi.Serializer;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one claimed root task: replays the workflow from the top in a fresh durable context, then
 * completes, retries, suspends, cancels, expires or fails it, guarded by the lease.
 */
final class TaskRunner {

    private static final Logger LOG = Logger.getLogger(TaskRunner.class.getName());

    private final FunctionRegistry registry;
    private final FunctionInvoker invoker;
    private final Serializer serializer;
    private final Outcomes outcomes;
    private final ContextHolder contexts;
    private final TaskCompletion completions;
    private final TaskClaims claims;
    private final Wakeups wakeups;
    private final Map<String, ExecutionState> running;
    private final String owner;
    private final BooleanSupplier stopping;
    private final Listeners listeners;
    private final CompletionBatcher batcher;
    private final ResultCaching caching;
    private final LocalRuns localRuns;
    private final InfrastructureBackoff backoff;
    private final java.util.function.Consumer<java.time.Duration> pauseClaims;
    private final int maxRequeues;
    private final TransactionBoundary boundary;
    private final int maxResultChars;

    TaskRunner(EngineCore core, FunctionInvoker invoker, io.stent.engine.store.Store store, CompletionBatcher batcher,
               LocalRuns localRuns, Map<String, ExecutionState> running) {
        EngineSettings.FailureHandling failures = core.settings().failures();
        this.registry = core.registry();
        this.invoker = invoker;
        this.serializer = core.serializer();
        this.outcomes = core.outcomes();
        this.contexts = core.contexts();
        this.completions = store.completions();
        this.claims = store.claims();
        this.wakeups = core.wakeups();
        this.running = running;
        this.owner = core.settings().workerId();
        this.stopping = core.control()::isStopping;
        this.listeners = core.listeners();
        this.batcher = batcher;
        this.caching = core.caching();
        this.localRuns = localRuns;
        this.backoff = new InfrastructureBackoff(failures.infrastructureBackoff(), failures.infrastructureBackoffMax());
        this.pauseClaims = core.control()::pauseClaims;
        this.maxRequeues = failures.maxRequeues();
        this.boundary = core.boundary();
        this.maxResultChars = core.settings().values().maxResultChars();
    }

    /**
     * Runs one claimed task. A successful completion is handed to the group commit: the task then
     * ends, and a local caller gets the outcome, when that commit is done.
     *
     * @param end told when the task's code is done, and given the task's end when it is deferred
     */
    void run(ClaimedTask task, io.stent.engine.worker.TaskHandler.TaskEnd end) {
        FunctionDefinition function = registry.require(task.functionName(), task.functionVersion());
        ExecutionState state = new ExecutionState(task.executionId(), task.claimedAt(), task.deadlineAt(),
                task.cancelRequested());
        if (task.firstRun()) {
            state.firstRun();
        }
        state.leasedTo(owner);
        io.stent.ExecutionInfo info = new io.stent.ExecutionInfo(task.executionId(), task.id(), function.name(),
                task.attempt(), "", function.version(), task.traceParent());
        listeners.taskStarted(info);
        boolean committing = false;
        try {
            if (state.pastDeadline() && !state.cancelRequested()) {
                held(task, completions.finish(task, owner, ExecutionStatus.EXPIRED, null,
                        outcomes.encodeError(new ExecutionExpiredException(task.executionId()))));
                listeners.taskFinished(info, "EXPIRED", null);
                return;
            }
            if (task.requeues() >= maxRequeues) {
                failForGood(task, info, new io.stent.StentException(EngineMessages.KEEPS_KILLING_WORKERS, 
                        task.requeues(), maxRequeues));
                listeners.taskFinished(info, "FAILED", null);
                return;
            }
            Object[] args;
            try {
                args = serializer.deserializeArguments(task.arguments(), function.parameterTypes());
            } catch (RuntimeException | LinkageError e) {
                String outcome = unreadableArguments(task, function, info, e);
                listeners.taskFinished(info, outcome, e);
                return;
            }
            running.put(task.executionId(), state);
            Object result = null;
            Throwable failure = null;
            DurableContext context = DurableContext.forRoot(task.executionId(), function, state);
            context.describe(info);
            DurableContext previous = contexts.swap(context);
            try {
                result = invoker.invoke(function, args);
            } catch (Exception | LinkageError | StackOverflowError | Suspension | InfrastructureFailure e) {
                failure = e;
            } finally {
                contexts.swap(previous);
                running.remove(task.executionId());
                rollBackLeftoverTransaction(task);
            }
            Suspension suspension = Suspension.in(failure);
            if (suspension != null) {
                held(task, completions.suspend(task, owner, suspension.wakeAt(), suspension.awaitedSignal(),
                        suspension.awaitedChildren()));
                wakeups.workAvailable();
                listeners.taskFinished(info, "SUSPENDED", null);
                return;
            }
            String outcome = finish(task, function, context, result, failure, info, end);
            committing = outcome == null;
            if (!committing) {
                listeners.taskFinished(info, outcome, failure);
            }
        } finally {
            if (!committing) {
                // Outcomes other than a group-committed completion are committed by now; a local
                // caller reads them from the database.
                localRuns.ended(task.executionId(), null);
                wakeups.executionFinished(task.executionId());
            }
        }
    }

    /** Makes sure the attempt left no transaction on the thread to swallow the task's own end. */
    private void rollBackLeftoverTransaction(ClaimedTask task) {
        try {
            if (boundary.rollBackLeftover()) {
                StentLog.log(LOG, Level.WARNING, EngineMessages.LEFTOVER_TRANSACTION.format(task.executionId(),
                        task.id()), null);
            }
        } catch (RuntimeException e) {
            StentLog.log(LOG, Level.SEVERE, e.getMessage(), e);
        }
    }

    /**
     * Stored arguments that no longer fit the method's parameters (its signature or a value type
     * changed under an execution in flight) fail the same way on every attempt: the execution is
     * dead-lettered at once, not retried. A failure of the server while reading them is deferred.
     */
    private String unreadableArguments(ClaimedTask task, FunctionDefinition function, io.stent.ExecutionInfo info,
                                       Throwable e) {
        if (InfrastructureFailures.test(e)) {
            defer(task, e, " [" + info.toLogString() + "]");
            return "DEFERRED";
        }
        failForGood(task, info, new io.stent.StentArgumentException(EngineMessages.UNREADABLE_ARGUMENTS, 
                function.describe(), unreadable(function, e)));
        return "FAILED";
    }

    /** Why stored arguments cannot be read, naming the parameter when the reason points at one. */
    private static String unreadable(FunctionDefinition function, Throwable e) {
        String reason = Reasons.of(e);
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("^at '\\[(\\d+)\\]").matcher(reason);
        java.lang.reflect.Parameter[] parameters = function.method().getParameters();
        if (at.find() && Integer.parseInt(at.group(1)) < parameters.length) {
            int index = Integer.parseInt(at.group(1));
            return ArgumentCodec.describe(parameters[index], index) + " " + reason;
        }
        return reason;
    }

    private void failForGood(ClaimedTask task, io.stent.ExecutionInfo info, Throwable failure) {
        LOG.log(Level.WARNING, failure.getMessage() + " [" + info.toLogString() + "]");
        held(task, completions.failForGood(task, owner, failure.getClass().getName(), failure.getMessage(),
                outcomes.encodeError(failure)));
    }

    /**
     * Gives the task back without spending its attempt after a failure of the server or the
     * infrastructure, and holds this worker's claims back as long as the task waits.
     */
    private void defer(ClaimedTask task, Throwable failure, String where) {
        Throwable cause = failure instanceof InfrastructureFailure && failure.getCause() != null
                ? failure.getCause() : failure;
        java.time.Duration delay = backoff.next();
        LOG.log(Level.INFO, () -> EngineMessages.INFRASTRUCTURE_RELEASE.format(cause, delay, where));
        pauseClaims.accept(delay);
        held(task, completions.defer(task, owner, delay, outcomes.encodeError(cause)));
    }

    /**
     * Hands a successful result to the group commit. Listeners hear of the completion now, on the
     * thread that ran it; the task ends, and a local caller gets the outcome, once it is committed.
     */
    private void commitCompletion(ClaimedTask task, FunctionDefinition function, String output,
                                  io.stent.ExecutionInfo info, io.stent.engine.worker.TaskHandler.TaskEnd end) {
        listeners.taskFinished(info, "COMPLETED", null);
        Runnable ended = end.defer();
        batcher.complete(task, output, end::bodyDone, (status, failure) -> {
            boolean givenBack = false;
            try {
                if (failure != null) {
                    LOG.log(Level.WARNING, EngineMessages.GIVEN_BACK.format("completion", task.id(), "committed"),
                            failure);
                    end.giveBack();
                    givenBack = true;
                } else {
                    held(task, status != null);
                }
                localRuns.ended(task.executionId(), status == null ? null
                        : new ExecutionRecord(task.executionId(), function.name(), task.functionVersion(), status,
                        task.arguments(), output, null, task.attempt(), null, null, task.parentId()));
                wakeups.executionFinished(task.executionId());
            } finally {
                if (!givenBack) {
                    ended.run();
                }
            }
        });
    }

    /**
     * Ends the task as its outcome says; returns the outcome's name, or null when a completion was
     * handed to the group commit.
     */
    private String finish(ClaimedTask task, FunctionDefinition function, DurableContext context, Object result,
                          Throwable failure, io.stent.ExecutionInfo info,
                          io.stent.engine.worker.TaskHandler.TaskEnd end) {
        String where = " [" + context.info().toLogString() + "]";
        if (failure != null && stopping.getAsBoolean()) {
            boolean released = claims.release(task.id(), owner);
            StentLog.log(LOG, Level.INFO,
                    EngineMessages.RELEASED_AT_SHUTDOWN.format((released ? "released" : "could not release (the lease was"
                    + " lost)"), failure, where), null);
            return "RELEASED";
        }
        if (failure != null && InfrastructureFailures.test(failure)) {
            defer(task, failure, where);
            return "DEFERRED";
        }
        backoff.reset();
        String output = null;
        if (failure == null) {
            try {
                output = serializer.serialize(result, function.resultType());
            } catch (RuntimeException e) {
                failure = new io.stent.StentException(EngineMessages.UNSTORABLE_RESULT, e, function.describe(), e);
            }
            if (failure == null) {
                try {
                    ValueTooLargeException.check(output, maxResultChars, "the result of " + function.describe(),
                            "stent.limits.result");
                } catch (ValueTooLargeException tooLarge) {
                    failure = tooLarge;
                    output = null;
                }
            }
        }
        String error = failure == null ? null : outcomes.encodeError(failure);
        ExecutionState state = context.state();
        if (state.cancelRequested() || causedBy(failure, ExecutionCancelledException.class)) {
            held(task, completions.finish(task, owner, ExecutionStatus.CANCELLED, output, error));
            return "CANCELLED";
        }
        if (failure != null && (causedBy(failure, ExecutionExpiredException.class) || state.pastDeadline())) {
            held(task, completions.finish(task, owner, ExecutionStatus.EXPIRED, null, error));
            return "EXPIRED";
        }
        if (failure == null) {
            caching.store(function, task.arguments(), output);
            commitCompletion(task, function, output, info, end);
            return null;
        }
        if (!context.isFinal(failure) && !(failure instanceof NonDeterministicWorkflowError)
                && !(failure instanceof ValueTooLargeException)
                && function.retry().retries(failure, task.attempt())) {
            var delay = function.retry().backoffAfter(task.attempt(), ThreadLocalRandom.current()::nextDouble);
            Throwable logged = failure;
            LOG.log(Level.INFO, () -> EngineMessages.ATTEMPT_RETRY.format(delay, InfrastructureFailures.chain(logged),
                    where));
            held(task, completions.retryLater(task, owner, delay, error));
            return "RETRY";
        }
        LOG.log(Level.WARNING, EngineMessages.DEAD_LETTERED.format(task.attempt(), where), failure);
        held(task, completions.failForGood(task, owner, failure.getClass().getName(), failure.getMessage(), error));
        return "FAILED";
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void held(ClaimedTask task, boolean held) {
        if (!held) {
            LOG.warning(() -> EngineMessages.LEASE_LOST.format(owner, task.executionId(), task.id(),
                    task.functionName(), task.attempt()));
        }
    }
}
