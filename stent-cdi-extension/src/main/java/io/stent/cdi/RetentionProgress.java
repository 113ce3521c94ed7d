package io.stent.cdi;

import io.stent.engine.RetentionRun;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Where a retention run's progress goes after every batch: the meter gets what each batch deleted,
 * and the run's record gets the totals after the first batch and then at most once per
 * {@link #WRITE_EVERY} (the run's end writes them too), so a run of thousands of batches costs a few
 * dozen extra writes, not thousands.
 */
final class RetentionProgress implements Consumer<RetentionRun.Report> {

    /** The run's record is written at most this often while it runs. */
    static final Duration WRITE_EVERY = Duration.ofSeconds(1);

    /** Writes a run's totals to its record. */
    interface Record {
        /** Writes {@code report}'s totals. */
        void write(RetentionRun.Report report);
    }

    private final Optional<StentMeter> meter;
    private final Record record;
    private final LongSupplier nanoTime;
    private RetentionRun.Report last = new RetentionRun.Report(0, 0, 0, 0, 0, false);
    private long writtenAt;
    private boolean written;

    /**
     * @param meter the meter, where the server has MicroProfile Metrics
     * @param record the run's record
     * @param nanoTime a monotonic clock
     */
    RetentionProgress(Optional<StentMeter> meter, Record record, LongSupplier nanoTime) {
        this.meter = meter;
        this.record = record;
        this.nanoTime = nanoTime;
    }

    @Override
    public void accept(RetentionRun.Report report) {
        meter.ifPresent(m -> {
            count(m, "executions", report.executions() - last.executions());
            count(m, "dead-letters", report.deadLetters() - last.deadLetters());
            count(m, "audit-rows", report.auditRows() - last.auditRows());
            count(m, "cache-entries", report.cacheEntries() - last.cacheEntries());
        });
        last = report;
        long now = nanoTime.getAsLong();
        if (!written || now - writtenAt >= WRITE_EVERY.toNanos()) {
            written = true;
            writtenAt = now;
            record.write(report);
        }
    }

    /** @return the last report it was given (all zero before the first batch) */
    RetentionRun.Report last() {
        return last;
    }

    private static void count(StentMeter meter, String kind, long more) {
        if (more > 0) {
            meter.retentionDeleted(kind, more);
        }
    }
}
