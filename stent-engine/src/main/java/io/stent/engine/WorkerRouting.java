package io.stent.engine;

import java.util.Map;
import java.util.Set;

/**
 * What this instance's worker serves, and the queue limits it enforces.
 *
 * @param queues the queues served; empty serves every queue
 * @param tags the tags this worker has
 * @param queueLimits concurrency and rate limits per queue name
 */
public record WorkerRouting(Set<String> queues, Set<String> tags, Map<String, QueueLimit> queueLimits) {

    /** Every queue, no tags, no limits. */
    public static final WorkerRouting ALL = new WorkerRouting(Set.of(), Set.of(), Map.of());

    /** Copies the collections. */
    public WorkerRouting {
        queues = Set.copyOf(queues);
        tags = Set.copyOf(tags);
        queueLimits = Map.copyOf(queueLimits);
    }

    /**
     * Limits of one queue.
     *
     * @param maxConcurrent the most tasks of the queue running at once across instances, 0 for none
     * @param ratePerSecond the most task starts a second across instances, 0 for none
     * @param burst how many starts may be saved up; defaults to one second's worth
     */
    public record QueueLimit(int maxConcurrent, double ratePerSecond, double burst) {

        /** Validates the limit. */
        public QueueLimit {
            if (maxConcurrent < 0 || ratePerSecond < 0 || burst < 0) {
                throw new io.stent.StentArgumentException(EngineMessages.BAD_CONFIGURATION, 
                        "queue limits must not be negative");
            }
        }
    }
}
