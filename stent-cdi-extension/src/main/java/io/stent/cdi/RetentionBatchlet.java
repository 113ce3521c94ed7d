package io.stent.cdi;

import io.stent.engine.RetentionRun;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * The step of the {@code stent-retention} Jakarta Batch job: runs the retention policy batch after
 * batch, stops between batches when the job is stopped, and reports its progress as the job's
 * exit status (visible in the server's batch tooling while it runs).
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
        RetentionRun.Report report = new RetentionRun(runtime.store().retention(), settings.policy())
                .run(() -> stopping, progress -> job.setExitStatus(describe(progress)));
        String summary = describe(report);
        LOG.info(() -> "STENT-2240 retention job " + job.getExecutionId() + (report.stopped() ? " stopped: "
                : " done: ") + summary);
        return summary;
    }

    @Override
    public void stop() {
        stopping = true;
    }

    private static String describe(RetentionRun.Report report) {
        return "deleted " + report.executions() + " executions, " + report.deadLetters() + " dead letters, "
                + report.auditRows() + " audit rows, " + report.cacheEntries() + " cache entries in "
                + report.batches() + " batches" + (report.stopped() ? " (stopped)" : "");
    }
}
