package io.stent.cdi;

import io.stent.Durable;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Properties;

/**
 * The durable function the retention schedule starts: it starts the {@code stent-retention}
 * Jakarta Batch job on the instance that runs it, so each fire time runs the job once across all
 * instances, and returns the job execution's id.
 */
@ApplicationScoped
public class RetentionJob {

    /**
     * Starts the retention job.
     *
     * @return the job execution's id
     */
    @Durable(name = RetentionSettings.NAME, maxAttempts = 3)
    public long start() {
        return BatchRuntime.getJobOperator().start("stent-retention", new Properties());
    }
}
