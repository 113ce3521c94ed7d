package io.stent.admin;

import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.SignalStore;
import io.stent.store.DeadLetterFilter;
import io.stent.store.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an operator can change, each action written to the audit trail with who did it and what
 * came of it, also when it changed nothing (an unknown id, a finished execution).
 */
@ApplicationScoped
public class ConsoleActions {

    /** The most dead letters one bulk replay takes. */
    static final int MAX_BULK_REPLAY = 10_000;

    @Inject
    AdminStore store;

    /**
     * Replays one dead letter: its execution runs again from its failed step.
     *
     * @param actor who asks
     * @param id the dead letter
     * @return the outcome
     */
    public Map<String, Object> replay(String actor, String id) {
        DeadLetters.ReplayOutcome outcome = store.deadLetters().replay(id);
        store.audit().record(actor, "dead-letter.replay", List.of(id),
                outcome == DeadLetters.ReplayOutcome.REPLAYED ? 1 : 0, outcome.name(), null);
        if (outcome == DeadLetters.ReplayOutcome.NOT_FOUND) {
            throw new UnknownIdException("STENT-1705 no dead letter with id '" + id + "'");
        }
        return Map.of("id", id, "outcome", outcome.name());
    }

    /**
     * Replays every dead letter a filter matches (not replayed ones), oldest first.
     *
     * @param actor who asks
     * @param filter which ones
     * @param filterText the filter as the request gave it, for the audit trail
     * @param max the most to replay
     * @return how many were replayed
     */
    public Map<String, Object> replayMatching(String actor, DeadLetterFilter filter, String filterText, int max) {
        List<String> replayed = store.deadLetters().replayMatching(filter, max);
        store.audit().record(actor, "dead-letter.replay-matching", replayed, replayed.size(), "REPLAYED",
                filterText);
        return Map.of("replayed", replayed.size());
    }

    /**
     * Deletes one dead letter (its execution stays FAILED).
     *
     * @param actor who asks
     * @param id the dead letter
     * @return the outcome
     */
    public Map<String, Object> delete(String actor, String id) {
        boolean deleted = store.deadLetters().delete(id);
        store.audit().record(actor, "dead-letter.delete", List.of(id), deleted ? 1 : 0,
                deleted ? "DELETED" : "NOT_FOUND", null);
        if (!deleted) {
            throw new UnknownIdException("STENT-1705 no dead letter with id '" + id + "'");
        }
        return Map.of("id", id, "outcome", "DELETED");
    }

    /**
     * Deletes the dead letters that failed longer ago than {@code age}.
     *
     * @param actor who asks
     * @param age how old
     * @return how many were deleted
     */
    public Map<String, Object> purge(String actor, Duration age) {
        int purged = store.deadLetters().purgeOlderThan(age);
        store.audit().record(actor, "dead-letter.purge", List.of(), purged, "PURGED", "olderThan=" + age);
        return Map.of("purged", purged);
    }

    /**
     * Cancels an execution and its children that still run: a pending one never runs, a running
     * or waiting one stops at its next durable call.
     *
     * @param actor who asks
     * @param id the execution
     * @return the outcome and the children cancelled with it
     */
    public Map<String, Object> cancel(String actor, String id) {
        ExecutionStore executions = store.executions();
        ExecutionStore.CancelOutcome outcome = executions.cancel(id);
        List<String> cancelled = new ArrayList<>();
        if (outcome != ExecutionStore.CancelOutcome.NOT_FOUND && outcome != ExecutionStore.CancelOutcome.FINISHED) {
            cancelled.add(id);
            cancelChildren(executions, id, cancelled);
        }
        store.audit().record(actor, "execution.cancel", cancelled.isEmpty() ? List.of(id) : cancelled,
                cancelled.size(), outcome.name(), null);
        if (outcome == ExecutionStore.CancelOutcome.NOT_FOUND) {
            throw new UnknownIdException("STENT-1404 no execution with id '" + id + "'");
        }
        if (outcome == ExecutionStore.CancelOutcome.FINISHED) {
            throw new ConflictException("STENT-1409 cannot cancel: execution " + id + " has already finished");
        }
        return Map.of("id", id, "outcome", outcome.name(), "cancelled", cancelled.size());
    }

    private static void cancelChildren(ExecutionStore executions, String parent, List<String> cancelled) {
        for (String child : executions.activeChildren(parent)) {
            ExecutionStore.CancelOutcome outcome = executions.cancel(child);
            if (outcome == ExecutionStore.CancelOutcome.CANCELLED || outcome == ExecutionStore.CancelOutcome.CANCELLING) {
                cancelled.add(child);
                cancelChildren(executions, child, cancelled);
            }
        }
    }

    /**
     * Sends a signal to an execution; it is kept until the execution waits for it.
     *
     * @param actor who asks
     * @param id the execution
     * @param name the signal's name
     * @param payload the payload, as JSON already checked
     * @return the outcome
     */
    public Map<String, Object> signal(String actor, String id, String name, String payload) {
        SignalStore.Delivery delivery = store.signals().send(id, name, payload);
        store.audit().record(actor, "execution.signal", List.of(id),
                delivery == SignalStore.Delivery.DELIVERED ? 1 : 0, delivery.name(), "name=" + name);
        if (delivery == SignalStore.Delivery.NOT_FOUND) {
            throw new UnknownIdException("STENT-1404 no execution with id '" + id + "'");
        }
        if (delivery == SignalStore.Delivery.FINISHED) {
            throw new ConflictException("STENT-1409 cannot signal '" + name + "': execution " + id
                    + " has already finished");
        }
        return Map.of("id", id, "signal", name, "outcome", delivery.name());
    }
}
