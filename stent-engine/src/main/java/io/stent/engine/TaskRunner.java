package io.stent.engine;

import io.stent.NonDeterministicWorkflowError;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskClaims;
import io.stent.engine.store.TaskCompletion;
import io.stent.spi.Serializer;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one claimed root task: replays the workflow from the top in a fresh durable context, then
 * completes, retries or fails it, guarded by the lease.
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
    private final String owner;
    private final BooleanSupplier stopping;

    TaskRunner(FunctionRegistry registry, FunctionInvoker invoker, Serializer serializer, ContextHolder contexts,
               TaskCompletion completions, TaskClaims claims, Wakeups wakeups, String owner,
               BooleanSupplier stopping) {
        this.registry = registry;
        this.invoker = invoker;
        this.serializer = serializer;
        this.outcomes = new Outcomes(serializer);
        this.contexts = contexts;
        this.completions = completions;
        this.claims = claims;
        this.wakeups = wakeups;
        this.owner = owner;
        this.stopping = stopping;
    }

    void run(ClaimedTask task) {
        FunctionDefinition function = registry.require(task.functionName());
        DurableContext context = DurableContext.forRoot(task.executionId(), function);
        Object result = null;
        Throwable failure = null;
        DurableContext previous = contexts.swap(context);
        try {
            Object[] args = serializer.deserializeArguments(task.arguments(), function.parameterTypes());
            result = invoker.invoke(function, args);
        } catch (Exception | LinkageError | StackOverflowError e) {
            failure = e;
        } finally {
            contexts.swap(previous);
        }
        try {
            finish(task, function, context, result, failure);
        } finally {
            wakeups.executionFinished(task.executionId());
        }
    }

    private void finish(ClaimedTask task, FunctionDefinition function, DurableContext context, Object result,
                        Throwable failure) {
        if (failure != null && stopping.getAsBoolean()) {
            claims.release(task.id(), owner);
            LOG.info(() -> "STENT-2202 released task " + task.id() + " of execution " + task.executionId()
                    + " during shutdown; another worker resumes it");
            return;
        }
        boolean held;
        if (failure == null) {
            String output;
            try {
                output = serializer.serialize(result, function.resultType());
            } catch (RuntimeException e) {
                finish(task, function, context, null, new IllegalStateException(
                        "STENT-1106 the result of " + function.describe() + " cannot be serialized: " + e, e));
                return;
            }
            held = completions.complete(task, owner, output);
        } else if (!context.isFinal(failure) && !(failure instanceof NonDeterministicWorkflowError)
                && function.retry().retries(failure, task.attempt())) {
            var delay = function.retry().backoffAfter(task.attempt(), ThreadLocalRandom.current()::nextDouble);
            LOG.log(Level.INFO, () -> "STENT-2102 execution " + task.executionId() + " " + function.name()
                    + " attempt " + task.attempt() + " failed, retrying in " + delay + ": " + failure);
            held = completions.retryLater(task, owner, delay, outcomes.encodeError(failure));
        } else {
            LOG.log(Level.WARNING, "STENT-2103 execution " + task.executionId() + " " + function.name()
                    + " failed after " + task.attempt() + " attempt(s)", failure);
            held = completions.fail(task, owner, outcomes.encodeError(failure));
        }
        if (!held) {
            LOG.warning(() -> "STENT-2201 worker " + owner + " lost the lease of task " + task.id()
                    + " (execution " + task.executionId() + ") before finishing it; its outcome was discarded"
                    + " and the current holder's counts");
        }
    }
}
