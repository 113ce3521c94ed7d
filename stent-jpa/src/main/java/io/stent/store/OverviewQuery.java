package io.stent.store;

import io.stent.operations.Overview;
import io.stent.operations.TaskView;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the overview with the database's clock. Every count reads an index range: executions
 * by creation time (the chart counts a finished one in its hour when it was created at most an hour
 * before the chart's first hour, so that a day of history costs one index range, not the table),
 * open tasks through their partial indexes, dead letters and workers whole (both stay small).
 */
final class OverviewQuery {

    static final int HOURS = 24;
    /** The chart counts executions created at most this long before its first hour. */
    static final int CHARTED_RUNTIME_HOURS = 1;

    private OverviewQuery() {
    }

    static Overview run(EntityManager manager) {
        OffsetDateTime now = DatabaseClock.now(manager);
        OffsetDateTime since = now.minusHours(HOURS);
        return new Overview(since, now, createdByStatus(manager, since), hours(manager, now), queues(manager, now),
                manager.createQuery("SELECT COUNT(d) FROM DeadLetterRow d WHERE d.replayedAt IS NULL", Long.class)
                        .getSingleResult(),
                manager.createQuery("SELECT COUNT(w) FROM WorkerRow w WHERE w.stoppedAt IS NULL"
                        + " AND w.heartbeatAt > :alive", Long.class)
                        .setParameter("alive", now.minusSeconds(TaskView.SILENCE_SECONDS)).getSingleResult().intValue());
    }

    private static Map<String, Long> createdByStatus(EntityManager manager, OffsetDateTime since) {
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : manager.createQuery("SELECT e.status, COUNT(e) FROM ExecutionRow e"
                + " WHERE e.createdAt >= :since GROUP BY e.status", Object[].class)
                .setParameter("since", since).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        // A claim does not write the execution: pending or suspended ones whose task is leased run.
        for (Object[] row : manager.createQuery("SELECT e.status, COUNT(DISTINCT e.id) FROM ExecutionRow e, TaskRow t"
                + " WHERE t.executionId = e.id AND t.status = 'RUNNING' AND e.createdAt >= :since"
                + " AND e.status IN ('PENDING', 'SUSPENDED') GROUP BY e.status", Object[].class)
                .setParameter("since", since).getResultList()) {
            long leased = ((Number) row[1]).longValue();
            counts.merge((String) row[0], -leased, Long::sum);
            counts.merge("RUNNING", leased, Long::sum);
        }
        counts.values().removeIf(count -> count == 0);
        return counts;
    }

    private static List<Overview.Hour> hours(EntityManager manager, OffsetDateTime now) {
        OffsetDateTime first = now.minusHours(HOURS - 1).withMinute(0).withSecond(0).withNano(0);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int hour = 0; hour < HOURS; hour++) {
            for (String status : List.of("COMPLETED", "FAILED")) {
                select.append(hour == 0 && status.equals("COMPLETED") ? "" : ", ")
                        .append("SUM(CASE WHEN e.status = '").append(status).append("' AND e.finishedAt >= :h")
                        .append(hour).append(" AND e.finishedAt < :h").append(hour + 1).append(" THEN 1 ELSE 0 END)");
            }
        }
        select.append(" FROM ExecutionRow e WHERE e.createdAt >= :created AND e.finishedAt >= :h0");
        TypedQuery<Object[]> query = manager.createQuery(select.toString(), Object[].class)
                .setParameter("created", first.minusHours(CHARTED_RUNTIME_HOURS));
        for (int hour = 0; hour <= HOURS; hour++) {
            query.setParameter("h" + hour, first.plusHours(hour));
        }
        Object[] sums = query.getSingleResult();
        List<Overview.Hour> hours = new ArrayList<>();
        for (int hour = 0; hour < HOURS; hour++) {
            hours.add(new Overview.Hour(first.plusHours(hour), number(sums[2 * hour]), number(sums[2 * hour + 1])));
        }
        return hours;
    }

    private static List<Overview.QueueDepth> queues(EntityManager manager, OffsetDateTime now) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, OffsetDateTime> oldest = new TreeMap<>();
        for (Object[] row : manager.createQuery("SELECT t.queue, COUNT(t), MIN(t.runAt) FROM TaskRow t"
                + " WHERE t.status = 'READY' AND t.runAt <= :now GROUP BY t.queue", Object[].class)
                .setParameter("now", now).getResultList()) {
            counts.computeIfAbsent((String) row[0], q -> new long[3])[0] = number(row[1]);
            oldest.put((String) row[0], (OffsetDateTime) row[2]);
        }
        for (Object[] row : manager.createQuery("SELECT t.queue, COUNT(t) FROM TaskRow t"
                + " WHERE t.status = 'READY' AND t.runAt > :now GROUP BY t.queue", Object[].class)
                .setParameter("now", now).getResultList()) {
            counts.computeIfAbsent((String) row[0], q -> new long[3])[1] = number(row[1]);
        }
        for (Object[] row : manager.createQuery("SELECT t.queue, COUNT(t) FROM TaskRow t"
                + " WHERE t.status = 'RUNNING' GROUP BY t.queue", Object[].class).getResultList()) {
            counts.computeIfAbsent((String) row[0], q -> new long[3])[2] = number(row[1]);
        }
        List<Overview.QueueDepth> queues = new ArrayList<>();
        counts.forEach((queue, c) -> queues.add(new Overview.QueueDepth(queue, c[0], c[1], c[2], oldest.get(queue))));
        return queues;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
