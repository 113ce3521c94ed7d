package io.stent.engine;

import io.stent.ExecutionCancelledException;
import io.stent.ExecutionExpiredException;
import io.stent.NonDeterministicWorkflowError;
import io.stent.engine.store.CheckpointTakenException;
import io.stent.engine.store.LeaseLostException;
import io.stent.engine.store.StepLog;
import io.stent.engine.store.StepRecord;
import io.stent.engine.store.StepStatus;
import io.stent.spi.Serializer;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a durable call made inside an execution: returns the recorded outcome when the step
 * finished before (replay), otherwise runs it inline with retries and records the outcome once.
 */
final class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class.getName());

    private final StepLog steps;
    private final Serializer serializer;
    private final ArgumentCodec arguments;
    private final Outcomes outcomes;
    private final ContextHolder contexts;
    private final TransactionBoundary boundary;
    private final Sleeper sleeper;
    private final StepWatchdog watchdog;
    private final boolean joinTransactions;
    private final Listeners listeners;
    private final ResultCaching caching;
    private final java.util.function.BooleanSupplier stopping;
    private final int maxResultChars;

    /**
     * Checkpoints of steps outside transactions, group-committed: the records of steps that end
     * at the same time in different executions share a statement and a commit.
     */
    private final GroupCommit<StepRecord, StepRecord> records;

    StepRunner(EngineCore core, StepLog steps, Sleeper sleeper, StepWatchdog watchdog) {
        this.steps = steps;
        this.records = new GroupCommit<>(2, 64, steps::record, steps::recordAll);
        this.serializer = core.serializer();
        this.arguments = core.arguments();
        this.outcomes = core.outcomes();
        this.contexts = core.contexts();
        this.boundary = core.boundary();
        this.sleeper = sleeper;
        this.watchdog = watchdog;
        this.joinTransactions = core.settings().joinStepTransactions();
        this.listeners = core.listeners();
        this.caching = core.caching();
        this.stopping = core.control()::isStopping;
        this.maxResultChars = core.settings().values().maxResultChars();
    }

    private String checkedOutput(Object result, FunctionDefinition function) {
        return ValueTooLargeException.check(serializer.serialize(result, function.resultType()), maxResultChars,
                "the result of " + function.describe(), "stent.limits.result");
    }

    Object run(DurableContext context, FunctionDefinition function, Object[] args, Proceed body) throws Exception {
        try {
            return runOrReplay(context, function, args, body);
        } catch (Exception failure) {
            // A step the server or the infrastructure failed (or whose record could not be read or
            // written) ends the task's attempt without spending it; the workflow cannot catch it.
            throw InfrastructureFailure.wrapIfInfrastructure(failure);
        }
    }

    private Object runOrReplay(DurableContext context, FunctionDefinition function, Object[] args, Proceed body)
            throws Exception {
        int seq = context.nextSeq();
        Optional<StepRecord> recorded = !context.state().mayHaveRecords() ? Optional.empty()
                : boundary.outside(() -> steps.find(context.executionId(), context.path(), seq));
        if (recorded.isPresent()) {
            return replay(context, function, seq, recorded.get());
        }
        context.state().checkInterrupts();
        String arguments = this.arguments.encode(function, args);
        Optional<String> cached = caching.lookUp(function, arguments);
        if (cached.isPresent()) {
            StepRecord stored = write(context, seq, function, StepStatus.COMPLETED, arguments, cached.get(), 0,
                    System.nanoTime());
            return replay(context, function, seq, stored);
        }
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            DurableContext attemptContext = context.child(seq);
            attemptContext.expectCheckpoint(new DurableContext.Checkpoint(function, context.path(), seq, arguments,
                    attempt, started));
            io.stent.ExecutionInfo info = stepInfo(context, function, seq, attempt);
            attemptContext.describe(info);
            DurableContext previous = contexts.swap(attemptContext);
            listeners.stepStarted(info);
            Object result;
            try {
                result = watchdog.run(function, context.stepPath(seq), body);
                listeners.stepFinished(info, null);
            } catch (Exception failure) {
                listeners.stepFinished(info, failure);
                if (causedBy(failure, CheckpointTakenException.class)) {
                    // Another worker recorded this step first; its outcome is the one.
                    return replay(context, function, seq, boundary.outside(() -> steps.find(context.executionId(),
                            context.path(), seq)).orElseThrow(() -> failure));
                }
                if (InfrastructureFailures.test(failure) || causedBy(failure, LeaseLostException.class)) {
                    throw new InfrastructureFailure(failure); // neither retried in place nor recorded
                }
                if (stopping.getAsBoolean()) {
                    throw failure; // the worker stops: the task is released, not retried here
                }
                if (isInterruption(failure) || failure instanceof NonDeterministicWorkflowError
                        || failure instanceof ExecutionCancelledException || failure instanceof ExecutionExpiredException) {
                    throw failure;
                }
                if (!causedBy(failure, ValueTooLargeException.class) && function.retry().retries(failure, attempt)) {
                    LOG.log(Level.INFO, () -> EngineMessages.STEP_RETRY.format(InfrastructureFailures.chain(failure),
                            info.toLogString()));
                    sleeper.sleep(function.retry().backoffAfter(attempt, ThreadLocalRandom.current()::nextDouble));
                    continue;
                }
                StepRecord stored = write(context, seq, function, StepStatus.FAILED, arguments,
                        outcomes.encodeError(failure), attempt, started);
                if (stored.status() == StepStatus.FAILED) {
                    listeners.stepRecorded(info);
                    context.noteRecordedStepFailure(failure);
                    throw failure;
                }
                return replay(context, function, seq, stored);
            } finally {
                contexts.swap(previous);
            }
            if (attemptContext.writtenCheckpoint() != null) {
                caching.store(function, arguments, attemptContext.writtenCheckpoint());
                listeners.stepRecorded(info);
                return result;
            }
            String output;
            try {
                output = checkedOutput(result, function);
            } catch (ValueTooLargeException tooLarge) {
                StepRecord stored = write(context, seq, function, StepStatus.FAILED, arguments,
                        outcomes.encodeError(tooLarge), attempt, started);
                if (stored.status() == StepStatus.FAILED) {
                    context.noteRecordedStepFailure(tooLarge);
                    throw tooLarge;
                }
                return replay(context, function, seq, stored);
            }
            caching.store(function, arguments, output);
            StepRecord stored = write(context, seq, function, StepStatus.COMPLETED, arguments, output, attempt,
                    started);
            if (!stored.output().equals(output)) {
                return replay(context, function, seq, stored); // another worker recorded it first
            }
            listeners.stepRecorded(info);
            return result;
        }
    }

    /**
     * Runs inside the step body's own transaction (the inner interceptor): if this call is the
     * step attempt the outer runner expects and a transaction is active, the checkpoint is written
     * in that transaction, so the step's database effects and its record commit together.
     */
    Object runInTransaction(FunctionDefinition function, Proceed body) throws Exception {
        DurableContext context = contexts.current();
        DurableContext.Checkpoint pending = context == null ? null : context.takeCheckpoint(function);
        if (pending == null || !joinTransactions || !boundary.inTransaction()) {
            return body.proceed();
        }
        Object result = body.proceed();
        String output = checkedOutput(result, function);
        long millis = (System.nanoTime() - pending.startedNanos()) / 1_000_000;
        steps.recordInCurrentTransaction(StepRecord.finished(context.executionId(), pending.parentPath(),
                pending.seq(), function.name(), StepStatus.COMPLETED, pending.arguments(), output, pending.attempt(),
                millis), context.state().leaseOwner());
        context.checkpointWritten(output);
        boundary.afterCompletion(committed -> {
            if (!committed) {
                context.checkpointRolledBack();
            }
        });
        return result;
    }

    private static io.stent.ExecutionInfo stepInfo(DurableContext context, FunctionDefinition function, int seq,
                                                   int attempt) {
        String taskId = context.info() == null ? "" : context.info().taskId();
        String traceParent = context.info() == null ? null : context.info().traceParent();
        return new io.stent.ExecutionInfo(context.executionId(), taskId, function.name(), attempt,
                context.stepPath(seq), function.version(), traceParent);
    }

    private StepRecord write(DurableContext context, int seq, FunctionDefinition function, StepStatus status,
                             String arguments, String output, int attempts, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        StepRecord record = StepRecord.finished(context.executionId(), context.path(), seq, function.name(), status,
                arguments, output, attempts, millis);
        return boundary.outside(() -> records.write(record));
    }

    private Object replay(DurableContext context, FunctionDefinition function, int seq, StepRecord record)
            throws Exception {
        if (!record.functionName().equals(function.name())) {
            throw new NonDeterministicWorkflowError(context.executionId(), context.stepPath(seq),
                    record.functionName(), function.name());
        }
        if (record.status() == StepStatus.COMPLETED) {
            return outcomes.value(record.output(), function.resultType());
        }
        Throwable failure = outcomes.rebuild(record.output(), function.method().getDeclaringClass());
        context.noteRecordedStepFailure(failure);
        Outcomes.throwAny(failure);
        return null;
    }

    /** Whether the failure or one of its causes (an EJB container wraps what it rolls back for) is a {@code type}. */
    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 25; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterruption(Throwable failure) {
        return failure instanceof InterruptedException || Thread.currentThread().isInterrupted();
    }
}
