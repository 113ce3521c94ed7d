package io.stent.cdi;

import io.stent.engine.RetentionRun;
import io.stent.operations.RetentionRunView;
import io.stent.store.RetentionRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The step of the {@code stent-retention} Jakarta Batch job: runs the retention policy batch after
 * batch and stops between batches when the job is stopped. What it deleted goes to the run's record
 * in {@code stent_retention_run} (the console's Retention runs, {@code StentOperations.retentionRuns()}),
 * to the {@code stent.retention.deleted} metric, to the job's exit status and to the log.
 */
@Named("stentRetentionBatchlet")
@Dependent
public class RetentionBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(RetentionBatchlet.class.getName());

    @Inject
    StentRuntime runtime;
    @Inject
    JobContext job;

    private volatile boolean stopping;

    @Override
    public String process() {
        RetentionSettings settings = RetentionSettings.read(ConfigProvider.getConfig(getClass().getClassLoader()));
        RetentionRuns runs = runtime.store().retentionRuns();
        RetentionRunView run = runs.begin(runtime.workerId(), job.getExecutionId());
        RetentionProgress progress = new RetentionProgress(runtime.meter(), report -> {
            job.setExitStatus(describe(report));
            runs.progress(run.id(), report.executions(), report.deadLetters(), report.auditRows(),
                    report.cacheEntries(), report.batches());
        }, System::nanoTime);
        RetentionRun.Report report;
        try {
            report = new RetentionRun(runtime.store().retention(), settings.policy()).run(() -> stopping, progress);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, RuntimeMessages.RETENTION_FAILED.format(job.getExecutionId(),
                    describe(progress.last())), e);
            runs.end(run.id(), "FAILED", String.valueOf(e.getMessage()), counts(progress.last()));
            throw e;
        }
        runs.end(run.id(), report.stopped() ? "STOPPED" : "COMPLETED", null, counts(report));
        String summary = describe(report);
        LOG.info(() -> RuntimeMessages.RETENTION_DONE.format(job.getExecutionId(), (report.stopped() ? " stopped: "
                : " done: "), summary));
        return summary;
    }

    @Override
    public void stop() {
        stopping = true;
    }

    private static long[] counts(RetentionRun.Report report) {
        return new long[] {report.executions(), report.deadLetters(), report.auditRows(), report.cacheEntries(),
                report.batches()};
    }

    private static String describe(RetentionRun.Report report) {
        return "deleted " + report.executions() + " executions, " + report.deadLetters() + " dead letters, "
                + report.auditRows() + " audit rows, " + report.cacheEntries() + " cache entries in "
                + report.batches() + " batches" + (report.stopped() ? " (stopped)" : "");
    }
}
