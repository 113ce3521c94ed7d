package io.stent.engine;

import io.stent.DurableFuture;
import io.stent.NonDeterministicWorkflowError;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.StepLog;
import io.stent.engine.store.StepRecord;
import io.stent.engine.store.StepStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Child executions inside a workflow: starting them (a recorded position holding the child's id)
 * and waiting for them (suspending until a child finishes; the finishing child wakes its parent).
 */
final class ChildRunner {

    static final String CHILD_PREFIX = "stent.child:";
    static final String ANY = "stent.any";
    /** A suspended parent re-checks its children at least this often, as a safety net. */
    private static final Duration RECHECK = Duration.ofMinutes(10);

    private final ExecutionStore executions;
    private final StepLog steps;
    private final ExecutionStarter starter;
    private final ResultAwaiter awaiter;
    private final Outcomes outcomes;
    private final TransactionBoundary boundary;
    private final Duration awaitTimeout;
    private final ContextHolder contexts;

    ChildRunner(ExecutionStore executions, StepLog steps, ExecutionStarter starter, ResultAwaiter awaiter,
                Outcomes outcomes, TransactionBoundary boundary, Duration awaitTimeout, ContextHolder contexts) {
        this.executions = executions;
        this.steps = steps;
        this.starter = starter;
        this.awaiter = awaiter;
        this.outcomes = outcomes;
        this.boundary = boundary;
        this.awaitTimeout = awaitTimeout;
        this.contexts = contexts;
    }

    <T> DurableFuture<T> start(DurableContext context, FunctionDefinition function, Object[] args) {
        int seq = context.nextSeq();
        String position = context.stepPath(seq);
        String recordedName = CHILD_PREFIX + function.name();
        Optional<StepRecord> recorded = !context.state().mayHaveRecords() ? Optional.empty()
                : boundary.outside(() -> steps.find(context.executionId(), context.path(), seq));
        if (recorded.isPresent()) {
            expect(context, seq, recorded.get(), recordedName);
            return new ChildFuture<>(recorded.get().output(), function, this, contexts);
        }
        context.state().checkInterrupts();
        String childId = starter.startChild(function, args, context.executionId(), position);
        StepRecord stored = boundary.outside(() -> steps.record(StepRecord.finished(context.executionId(), context.path(), seq,
                recordedName, StepStatus.COMPLETED, null, childId, 1, 0)));
        return new ChildFuture<>(stored.output(), function, this, contexts);
    }

    /** The child's value, waiting (suspending inside a workflow) until it has finished. */
    Object valueOf(DurableContext context, ChildFuture<?> future) throws Exception {
        ExecutionRecord record;
        if (context == null) {
            record = awaiter.awaitFinished(future.executionId(), awaitTimeout);
        } else {
            record = finished(context, List.of(future)).get(future.executionId());
        }
        return outcomes.valueOf(record, future.function().resultType(), future.function().method());
    }

    void all(DurableContext context, List<? extends DurableFuture<?>> futures) {
        finished(context, children(futures));
    }

    <T> DurableFuture<T> any(DurableContext context, List<? extends DurableFuture<T>> futures) {
        if (futures.isEmpty()) {
            throw new io.stent.StentArgumentException(EngineMessages.ANY_OF_NOTHING);
        }
        List<ChildFuture<?>> children = children(futures);
        int seq = context.nextSeq();
        Optional<StepRecord> recorded = !context.state().mayHaveRecords() ? Optional.empty()
                : boundary.outside(() -> steps.find(context.executionId(), context.path(), seq));
        if (recorded.isPresent()) {
            expect(context, seq, recorded.get(), ANY);
            return futures.get(Integer.parseInt(recorded.get().output()));
        }
        Map<String, ExecutionRecord> states = read(children);
        for (int i = 0; i < children.size(); i++) {
            ExecutionRecord state = states.get(children.get(i).executionId());
            if (state != null && state.status().isTerminal()) {
                String chosen = Integer.toString(i);
                StepRecord stored = boundary.outside(() -> steps.record(StepRecord.finished(context.executionId(),
                        context.path(), seq, ANY, StepStatus.COMPLETED, null, chosen, 1, 0)));
                return futures.get(Integer.parseInt(stored.output()));
            }
        }
        throw suspend(context, children);
    }

    /** Returns the children's records once all have finished; suspends otherwise. */
    private Map<String, ExecutionRecord> finished(DurableContext context, List<ChildFuture<?>> children) {
        Map<String, ExecutionRecord> states = read(children);
        List<ChildFuture<?>> pending = children.stream()
                .filter(child -> states.get(child.executionId()) == null
                        || !states.get(child.executionId()).status().isTerminal())
                .toList();
        if (pending.isEmpty()) {
            return states;
        }
        throw suspend(context, pending);
    }

    private Suspension suspend(DurableContext context, List<ChildFuture<?>> awaited) {
        return new Suspension(context.state().wakeBefore(context.state().now().plus(RECHECK)), null,
                awaited.stream().map(ChildFuture::executionId).toList());
    }

    private Map<String, ExecutionRecord> read(List<ChildFuture<?>> children) {
        List<String> ids = children.stream().map(ChildFuture::executionId).distinct().toList();
        return boundary.outside(() -> executions.findAll(ids)).stream()
                .collect(Collectors.toMap(ExecutionRecord::id, Function.identity()));
    }

    private static List<ChildFuture<?>> children(List<? extends DurableFuture<?>> futures) {
        List<ChildFuture<?>> children = new ArrayList<>();
        for (DurableFuture<?> future : futures) {
            if (!(future instanceof ChildFuture<?> child)) {
                throw new io.stent.StentArgumentException(EngineMessages.FOREIGN_FUTURE, future);
            }
            children.add(child);
        }
        return children;
    }

    private static void expect(DurableContext context, int seq, StepRecord record, String function) {
        if (!record.functionName().equals(function)) {
            throw new NonDeterministicWorkflowError(context.executionId(), context.stepPath(seq),
                    record.functionName(), function);
        }
    }

}
