package io.stent.store;

import io.stent.operations.BulkReplayView;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The step of the {@code stent-bulk-replay} Jakarta Batch job: works through one bulk replay,
 * chunk by chunk, until it is done or stopped (by the job operator, or by its row's status set to
 * STOPPING from any console). Loaded by class name, so that the application and the admin console
 * run it alike.
 */
public class BulkReplayBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(BulkReplayBatchlet.class.getName());

    @Inject
    @BatchProperty(name = "bulkReplay")
    String bulkReplay;
    @Inject
    @BatchProperty(name = "dataSource")
    String dataSource;

    private volatile boolean stopping;

    @Override
    public String process() {
        try (JdbcStore store = JdbcStore.on(StentDataSource.lookup(dataSource))) {
            try {
                BulkReplayView view = store.bulkReplays().run(bulkReplay, () -> stopping);
                LOG.info(() -> StoreMessages.BULK_REPLAY_ENDED.format(bulkReplay, view.status(), view.replayed(),
                        view.skipped(), view.total()));
                return view.status();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, StoreMessages.BULK_REPLAY_FAILED.format(bulkReplay), e);
                store.bulkReplays().failed(bulkReplay);
                throw e;
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
