package io.stent.engine;

import io.stent.NonDeterministicWorkflowError;
import io.stent.SignalTimeoutException;
import io.stent.engine.store.SignalStore;
import io.stent.engine.store.StepLog;
import io.stent.engine.store.StepRecord;
import io.stent.engine.store.StepStatus;
import io.stent.spi.Serializer;

import java.time.Duration;
import java.util.Optional;

/**
 * Durable waits inside a workflow: sleeps and signal waits. Each is a recorded position like a
 * step. A wait that cannot end now records a WAITING position with its wake time (database
 * clock) and suspends the execution; the replay after the wake-up finds the position and ends it.
 */
final class WaitRunner {

    static final String SLEEP = "stent.sleep";
    static final String SIGNAL_PREFIX = "stent.signal:";

    private final StepLog steps;
    private final SignalStore signals;
    private final Serializer serializer;
    private final Outcomes outcomes;
    private final TransactionBoundary boundary;
    private final Sleeper sleeper;
    private final Duration blockingLimit;

    WaitRunner(StepLog steps, SignalStore signals, Serializer serializer, Outcomes outcomes,
               TransactionBoundary boundary, Sleeper sleeper, Duration blockingLimit) {
        this.steps = steps;
        this.signals = signals;
        this.serializer = serializer;
        this.outcomes = outcomes;
        this.boundary = boundary;
        this.sleeper = sleeper;
        this.blockingLimit = blockingLimit;
    }

    void sleep(DurableContext context, Duration duration) {
        int seq = context.nextSeq();
        Optional<StepRecord> recorded = find(context, seq);
        if (recorded.isEmpty()) {
            context.state().checkInterrupts();
            if (duration.compareTo(blockingLimit) <= 0) {
                blockFor(duration);
                boundary.outside(() -> steps.record(StepRecord.finished(context.executionId(), context.path(), seq, SLEEP,
                        StepStatus.COMPLETED, duration.toString(), null, 1, duration.toMillis())));
                return;
            }
            recorded = Optional.of(boundary.outside(() -> steps.recordWaiting(new StepRecord(context.executionId(),
                    context.path(), seq, SLEEP, StepStatus.WAITING, duration.toString(), null, 1, 0, null), duration)));
        }
        StepRecord record = expect(context, seq, recorded.get(), SLEEP);
        if (record.status() == StepStatus.COMPLETED) {
            return;
        }
        context.state().checkInterrupts();
        if (!context.state().now().isBefore(record.wakeAt())) {
            boundary.outside(() -> steps.resolve(context.executionId(), context.path(), seq, StepStatus.COMPLETED, null));
            return;
        }
        throw new Suspension(context.state().wakeBefore(record.wakeAt()), null);
    }

    Object awaitSignal(DurableContext context, String name, Class<?> type, Duration timeout) {
        int seq = context.nextSeq();
        String function = SIGNAL_PREFIX + name;
        String position = context.stepPath(seq);
        Optional<StepRecord> recorded = find(context, seq);
        if (recorded.isEmpty()) {
            context.state().checkInterrupts();
            Optional<String> payload = consume(context, name, position);
            if (payload.isPresent()) {
                boundary.outside(() -> steps.record(StepRecord.finished(context.executionId(), context.path(), seq, function,
                        StepStatus.COMPLETED, timeout.toString(), payload.get(), 1, 0)));
                return serializer.deserialize(payload.get(), type);
            }
            recorded = Optional.of(boundary.outside(() -> steps.recordWaiting(new StepRecord(context.executionId(),
                    context.path(), seq, function, StepStatus.WAITING, timeout.toString(), null, 1, 0, null),
                    timeout)));
        }
        StepRecord record = expect(context, seq, recorded.get(), function);
        if (record.status() == StepStatus.COMPLETED) {
            return serializer.deserialize(record.output(), type);
        }
        if (record.status() == StepStatus.FAILED) {
            Outcomes.throwAny(outcomes.rebuild(record.output(), SignalTimeoutException.class));
        }
        context.state().checkInterrupts();
        Optional<String> payload = consume(context, name, position);
        if (payload.isPresent()) {
            boundary.outside(() -> steps.resolve(context.executionId(), context.path(), seq, StepStatus.COMPLETED,
                    payload.get()));
            return serializer.deserialize(payload.get(), type);
        }
        if (!context.state().now().isBefore(record.wakeAt())) {
            SignalTimeoutException timedOut = new SignalTimeoutException("execution " + context.executionId()
                    + " received no signal '" + name + "' within " + record.arguments() + " (step " + position + ")");
            boundary.outside(() -> steps.resolve(context.executionId(), context.path(), seq, StepStatus.FAILED,
                    outcomes.encodeError(timedOut)));
            throw timedOut;
        }
        throw new Suspension(context.state().wakeBefore(record.wakeAt()), name);
    }

    private Optional<StepRecord> find(DurableContext context, int seq) {
        if (!context.state().mayHaveRecords()) {
            return Optional.empty();
        }
        return boundary.outside(() -> steps.find(context.executionId(), context.path(), seq));
    }

    private Optional<String> consume(DurableContext context, String name, String position) {
        return boundary.outside(() -> signals.consume(context.executionId(), name, position));
    }

    private static StepRecord expect(DurableContext context, int seq, StepRecord record, String function) {
        if (!record.functionName().equals(function)) {
            throw new NonDeterministicWorkflowError(context.executionId(), context.stepPath(seq),
                    record.functionName(), function);
        }
        return record;
    }

    private void blockFor(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.stent.StentException(EngineMessages.SLEEP_INTERRUPTED, e);
        }
    }

}
