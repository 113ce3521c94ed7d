package io.stent.store;

import io.stent.store.model.AuditRow;
import io.stent.operations.AuditView;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The audit trail of operators' actions ({@code stent_audit}), written through Jakarta Persistence
 * with the database's time.
 */
public final class AuditTrail {

    /** Targets beyond this many are counted, not listed, so that a bulk action's row stays small. */
    static final int MAX_LISTED_TARGETS = 1_000;

    private final StentPersistence persistence;

    AuditTrail(StentPersistence persistence) {
        this.persistence = persistence;
    }

    /**
     * Records one action, in a transaction of its own.
     *
     * @param actor who did it (the authenticated user's name)
     * @param operation what was done, e.g. {@code dead-letter.replay}
     * @param targets the ids of the executions or dead letters it was done to
     * @param affected how many it changed
     * @param outcome what came of it, e.g. {@code REPLAYED} or {@code NOT_FOUND}
     * @param detail its parameters (a filter, a signal name), or null
     * @return the recorded row
     */
    public AuditView record(String actor, String operation, List<String> targets, int affected, String outcome,
                            String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        String listed = listed(targets);
        return persistence.inTransaction(manager -> {
            AuditRow row = new AuditRow(UUID.randomUUID().toString(), DatabaseClock.now(manager), actor, operation,
                    listed, affected, outcome, detail);
            manager.persist(row);
            return view(row);
        });
    }

    private static String listed(List<String> targets) {
        if (targets == null || targets.isEmpty()) {
            return null;
        }
        String text = String.join(" ", targets.subList(0, Math.min(targets.size(), MAX_LISTED_TARGETS)));
        return targets.size() > MAX_LISTED_TARGETS
                ? text + " (and " + (targets.size() - MAX_LISTED_TARGETS) + " more)" : text;
    }

    static AuditView view(AuditRow row) {
        return new AuditView(row.id(), row.occurredAt(), row.actor(), row.operation(),
                row.targets() == null ? "" : row.targets(), row.affected(), row.outcome(), row.detail());
    }
}
