package io.stent.store;

import io.stent.ExecutionStatus;
import io.stent.operations.ExecutionSummary;
import io.stent.store.model.TaskRow;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a list row shows beyond the execution's own columns, read for a whole page at once: the
 * running attempt (a claim does not write the execution), its function's tags, the steps recorded
 * and the last one, and a failed execution's error class and message (from its newest dead letter).
 */
final class SummaryDetails {

    private record LastStep(String function, OffsetDateTime finishedAt) {
    }

    private record Failure(String errorClass, String message, OffsetDateTime failedAt) {
    }

    private final Map<String, Integer> runningAttempts = new HashMap<>();
    private final Map<String, Integer> stepCounts = new HashMap<>();
    private final Map<String, LastStep> lastSteps = new HashMap<>();
    private final Map<String, Failure> failures = new HashMap<>();
    private final Map<String, List<String>> tags = new HashMap<>();

    private SummaryDetails() {
    }

    static SummaryDetails of(EntityManager manager, Collection<String> ids) {
        SummaryDetails details = new SummaryDetails();
        if (ids.isEmpty()) {
            return details;
        }
        manager.createQuery("SELECT t FROM TaskRow t WHERE t.executionId IN :ids AND t.status = 'RUNNING'",
                        TaskRow.class).setParameter("ids", ids).getResultList()
                .forEach(task -> details.runningAttempts.merge(task.executionId(), task.attempt(), Math::max));
        for (Object[] row : manager.createQuery("SELECT t.executionId, t.tag FROM ExecutionTagRow t"
                + " WHERE t.executionId IN :ids ORDER BY t.executionId, t.tag", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            details.tags.computeIfAbsent((String) row[0], id -> new java.util.ArrayList<>()).add((String) row[1]);
        }
        // Aggregated in the database: an execution may have recorded thousands of steps.
        for (Object[] row : manager.createQuery("SELECT s.executionId, COUNT(s) FROM StepRow s"
                + " WHERE s.executionId IN :ids GROUP BY s.executionId", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            details.stepCounts.put((String) row[0], ((Number) row[1]).intValue());
        }
        for (Object[] row : manager.createQuery("SELECT s.executionId, s.functionName, s.finishedAt FROM StepRow s"
                + " WHERE s.executionId IN :ids AND s.finishedAt = (SELECT MAX(l.finishedAt) FROM StepRow l"
                + " WHERE l.executionId = s.executionId)", Object[].class).setParameter("ids", ids).getResultList()) {
            LastStep step = new LastStep((String) row[1], (OffsetDateTime) row[2]);
            details.lastSteps.merge((String) row[0], step, (a, b) -> b.function().compareTo(a.function()) > 0 ? b : a);
        }
        for (Object[] row : manager.createQuery("SELECT d.executionId, d.errorClass, d.errorMessage, d.failedAt"
                + " FROM DeadLetterRow d WHERE d.executionId IN :ids", Object[].class).setParameter("ids", ids)
                .getResultList()) {
            Failure failure = new Failure((String) row[1], (String) row[2], (OffsetDateTime) row[3]);
            details.failures.merge((String) row[0], failure, (a, b) -> b.failedAt().isAfter(a.failedAt()) ? b : a);
        }
        return details;
    }

    ExecutionSummary summary(ExecutionHead head) {
        ExecutionStatus stored = ExecutionStatus.valueOf(head.status());
        Integer runningAttempt = runningAttempts.get(head.id());
        boolean running = runningAttempt != null
                && (stored == ExecutionStatus.PENDING || stored == ExecutionStatus.SUSPENDED);
        ExecutionStatus status = running ? ExecutionStatus.RUNNING : stored;
        LastStep last = lastSteps.get(head.id());
        Failure failure = status == ExecutionStatus.FAILED ? failures.get(head.id()) : null;
        return new ExecutionSummary(head.id(), head.functionName(), head.functionVersion(), status, head.queue(),
                tags.getOrDefault(head.id(), List.of()),
                runningAttempt != null ? runningAttempt : head.attempts(), head.idempotencyKey(), head.parentId(),
                head.createdAt(), head.startedAt(), head.finishedAt(), head.deadlineAt(),
                stepCounts.getOrDefault(head.id(), 0), last == null ? null : last.function(),
                failure == null ? null : failure.errorClass(), failure == null ? null : cut(failure.message()));
    }

    private static String cut(String message) {
        return message == null || message.length() <= ExecutionSummary.MESSAGE_CHARS ? message
                : message.substring(0, ExecutionSummary.MESSAGE_CHARS) + "…";
    }
}
