package io.stent.store;

import io.stent.operations.Overview;
import io.stent.operations.TaskView;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the overview with the database's clock. Every count reads an index range: executions
 * by creation time, once for the tiles and the chart (the chart counts a finished one in its hour
 * when it was created at most an hour before the chart's first hour, so that a day of history
 * costs one index range, not the table), open tasks through their partial indexes, dead letters
 * and workers whole (both stay small).
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
        OffsetDateTime first = now.minusHours(HOURS - 1).withMinute(0).withSecond(0).withNano(0);
        Map<String, Long> created = new TreeMap<>();
        long[][] finished = new long[HOURS][2];
        countRecent(manager, since, first, created, finished);
        leasedAreRunning(manager, since, created);
        List<Overview.Hour> hours = new ArrayList<>();
        for (int hour = 0; hour < HOURS; hour++) {
            hours.add(new Overview.Hour(first.plusHours(hour), finished[hour][0], finished[hour][1]));
        }
        return new Overview(since, now, created, hours, queues(manager, now),
                manager.createQuery("SELECT COUNT(d) FROM DeadLetterRow d WHERE d.replayedAt IS NULL", Long.class)
                        .getSingleResult(),
                manager.createQuery("SELECT COUNT(w) FROM WorkerRow w WHERE w.stoppedAt IS NULL"
                        + " AND w.heartbeatAt > :alive", Long.class)
                        .setParameter("alive", now.minusSeconds(TaskView.SILENCE_SECONDS)).getSingleResult().intValue());
    }

    /**
     * One pass over the recent executions (the creation-time index from an hour before the chart's
     * first hour) counts both what the tiles show (created in the last day, by stored status) and
     * what the chart shows (completed and failed per hour of their end). It is a native query: it
     * groups by computed columns (from a derived table), which JPQL cannot say.
     */
    private static void countRecent(EntityManager manager, OffsetDateTime since, OffsetDateTime first,
                                    Map<String, Long> created, long[][] finished) {
        StringBuilder hour = new StringBuilder("CASE WHEN finished_at IS NULL OR finished_at < ? THEN -1");
        for (int h = 0; h < HOURS; h++) {
            hour.append(" WHEN finished_at < ? THEN ").append(h);
        }
        hour.append(" ELSE -1 END");
        jakarta.persistence.Query query = manager.createNativeQuery("SELECT status, recent, finished_hour, COUNT(*) FROM"
                + " (SELECT status, CASE WHEN created_at >= ? THEN 1 ELSE 0 END AS recent, " + hour
                        + " AS finished_hour"
                + " FROM stent_execution WHERE created_at >= ?) buckets GROUP BY status, recent, finished_hour");
        int index = 1;
        query.setParameter(index++, since);
        for (int h = 0; h <= HOURS; h++) {
            query.setParameter(index++, first.plusHours(h));
        }
        query.setParameter(index, first.minusHours(CHARTED_RUNTIME_HOURS));
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            String status = (String) columns[0];
            long count = number(columns[3]);
            if (number(columns[1]) == 1) {
                created.merge(status, count, Long::sum);
            }
            int bucket = (int) number(columns[2]);
            if (bucket >= 0 && (status.equals("COMPLETED") || status.equals("FAILED"))) {
                finished[bucket][status.equals("COMPLETED") ? 0 : 1] += count;
            }
        }
    }

    /** A claim does not write the execution: pending or suspended ones whose task is leased run. */
    private static void leasedAreRunning(EntityManager manager, OffsetDateTime since, Map<String, Long> counts) {
        for (Object[] row : manager.createQuery("SELECT e.status, COUNT(DISTINCT e.id) FROM ExecutionRow e, TaskRow t"
                + " WHERE t.executionId = e.id AND t.status = 'RUNNING' AND e.createdAt >= :since"
                + " AND e.status IN ('PENDING', 'SUSPENDED') GROUP BY e.status", Object[].class)
                .setParameter("since", since).getResultList()) {
            long leased = ((Number) row[1]).longValue();
            counts.merge((String) row[0], -leased, Long::sum);
            counts.merge("RUNNING", leased, Long::sum);
        }
        counts.values().removeIf(count -> count == 0);
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
