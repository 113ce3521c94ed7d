package io.stent.engine;

import io.stent.engine.store.Retention;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One run of a retention policy: every rule, batch after batch, then dead letters, audit rows and
 * expired cache entries. It checks between batches whether it should stop, and reports its
 * progress after each; a run that stops or dies leaves whole batches deleted, and the next run
 * goes on with what is left.
 */
public final class RetentionRun {

    /**
     * What a run deleted so far.
     *
     * @param executions executions deleted, children included
     * @param deadLetters dead letters deleted on their own (not with their executions)
     * @param auditRows audit rows deleted
     * @param cacheEntries expired cache entries deleted
     * @param batches transactions committed
     * @param stopped whether it stopped before the end
     */
    public record Report(long executions, long deadLetters, long auditRows, long cacheEntries, long batches,
                         boolean stopped) {

        Report plus(long moreExecutions, long moreDeadLetters, long moreAudit, long moreCache) {
            return new Report(executions + moreExecutions, deadLetters + moreDeadLetters, auditRows + moreAudit,
                    cacheEntries + moreCache, batches + 1, stopped);
        }

        Report stop() {
            return new Report(executions, deadLetters, auditRows, cacheEntries, batches, true);
        }
    }

    private final Retention retention;
    private final RetentionPolicy policy;

    /** Deletes batches of one kind until a batch comes back short, or the run is told to stop. */
    private Report drain(Report start, BooleanSupplier stop, Consumer<Report> progress,
                         java.util.function.IntSupplier batch,
                         java.util.function.BiFunction<Report, Integer, Report> count) {
        Report report = start;
        for (int deleted = policy.batchSize(); deleted == policy.batchSize(); ) {
            if (stop.getAsBoolean()) {
                return report.stop();
            }
            deleted = batch.getAsInt();
            report = count.apply(report, deleted);
            progress.accept(report);
        }
        return report;
    }

    /**
     * @param retention the store's retention operations
     * @param policy what to delete
     */
    public RetentionRun(Retention retention, RetentionPolicy policy) {
        this.retention = retention;
        this.policy = policy;
    }

    /**
     * Runs the policy to its end or until told to stop.
     *
     * @param stop asked between batches: true stops the run
     * @param progress told after every batch
     * @return what it deleted
     */
    public Report run(BooleanSupplier stop, Consumer<Report> progress) {
        Report report = new Report(0, 0, 0, 0, 0, false);
        int size = policy.batchSize();
        for (Retention.Rule rule : policy.rules()) {
            while (true) {
                if (stop.getAsBoolean()) {
                    return report.stop();
                }
                Retention.Batch batch = retention.deleteExecutions(rule, size);
                report = report.plus(batch.deleted().size(), 0, 0, 0);
                progress.accept(report);
                // fewer than a batch found, or only trees that still run: this rule is done for now
                if (batch.candidates() < size || batch.deleted().isEmpty()) {
                    break;
                }
            }
        }
        if (policy.deadLetters() != null) {
            report = drain(report, stop, progress, () -> retention.deleteDeadLetters(policy.deadLetters(), size),
                    (r, n) -> r.plus(0, n, 0, 0));
        }
        if (policy.audit() != null && !report.stopped()) {
            report = drain(report, stop, progress, () -> retention.deleteAudit(policy.audit(), size),
                    (r, n) -> r.plus(0, 0, n, 0));
        }
        if (!report.stopped()) {
            report = drain(report, stop, progress, () -> retention.deleteExpiredCache(size),
                    (r, n) -> r.plus(0, 0, 0, n));
        }
        return report;
    }
}
