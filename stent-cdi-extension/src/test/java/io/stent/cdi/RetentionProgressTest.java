package io.stent.cdi;

import io.stent.engine.RetentionRun;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetentionProgressTest {

    /** Counts what the meter was told, by kind. */
    private static final class CountingMeter implements StentMeter {
        final Map<String, Long> deleted = new java.util.TreeMap<>();

        @Override
        public void retentionDeleted(String kind, long count) {
            deleted.merge(kind, count, Long::sum);
        }

        @Override
        public void taskStarted(String function) {
            throw new AssertionError("not a task");
        }

        @Override
        public void taskFinished(String function, String outcome) {
            throw new AssertionError("not a task");
        }

        @Override
        public void stepFinished(String function, long nanos) {
            throw new AssertionError("not a step");
        }

        @Override
        public void claimed(long nanos) {
            throw new AssertionError("not a claim");
        }

        @Override
        public void unrunnable(Map<String, Long> byFunctionAndVersion) {
            throw new AssertionError("not a gauge");
        }
    }

    @Test
    void batches_countEachDeletedRowOnce_andWriteTheRecordAfterTheFirstThenAtMostOncePerSecond() {
        CountingMeter meter = new CountingMeter();
        List<RetentionRun.Report> written = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000);
        RetentionProgress progress = new RetentionProgress(Optional.of(meter), written::add, now::get);

        progress.accept(new RetentionRun.Report(100, 0, 0, 0, 1, false));
        assertEquals(1, written.size(), "the first batch is written at once");
        now.addAndGet(400_000_000L);
        progress.accept(new RetentionRun.Report(200, 0, 0, 0, 2, false));
        assertEquals(1, written.size(), "under a second later: not written");
        now.addAndGet(700_000_000L);
        progress.accept(new RetentionRun.Report(250, 3, 0, 0, 3, false));
        assertEquals(2, written.size(), "a second passed: written again");
        assertEquals(250, written.get(1).executions());
        progress.accept(new RetentionRun.Report(250, 3, 7, 2, 5, false));

        assertEquals(Map.of("executions", 250L, "dead-letters", 3L, "audit-rows", 7L, "cache-entries", 2L),
                meter.deleted, "the deltas add up to the totals");
        assertEquals(2, written.size());
        assertEquals(new RetentionRun.Report(250, 3, 7, 2, 5, false), progress.last());
    }

    @Test
    void withoutMetrics_onlyTheRecordIsWritten() {
        List<RetentionRun.Report> written = new ArrayList<>();
        AtomicLong now = new AtomicLong();
        RetentionProgress progress = new RetentionProgress(Optional.empty(), written::add, now::get);
        progress.accept(new RetentionRun.Report(1, 0, 0, 0, 1, false));
        now.addAndGet(RetentionProgress.WRITE_EVERY.toNanos());
        progress.accept(new RetentionRun.Report(2, 0, 0, 0, 2, false));
        assertEquals(2, written.size());
    }
}
