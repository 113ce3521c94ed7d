package io.stent.engine.worker;

import io.stent.engine.store.ClaimGroup;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.FunctionKey;
import io.stent.engine.store.TaskClaims;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A claim store for worker tests: hands out the tasks queued in {@link #due}, records releases. */
final class QueuedClaims implements TaskClaims {
    final ConcurrentLinkedQueue<ClaimedTask> due = new ConcurrentLinkedQueue<>();
    final Set<String> released = ConcurrentHashMap.newKeySet();
    /** The size of each claim that took at least one task. */
    final List<Integer> claimSizes = new CopyOnWriteArrayList<>();

    @Override
    public List<ClaimedTask> claim(String owner, Collection<FunctionKey> functions, int limit, Duration lease) {
        List<ClaimedTask> claimed = new ArrayList<>();
        ClaimedTask next;
        while (claimed.size() < limit && (next = due.poll()) != null) {
            claimed.add(next);
        }
        if (!claimed.isEmpty()) {
            claimSizes.add(claimed.size());
        }
        return claimed;
    }

    @Override
    public List<ClaimedTask> claimLimited(String owner, ClaimGroup group, int limit, Duration lease) {
        return List.of();
    }

    @Override
    public int renewLeases(String owner, Duration lease) {
        return 0;
    }

    @Override
    public Set<String> cancelRequested(Collection<String> executionIds) {
        return Set.of();
    }

    @Override
    public int recoverExpiredLeases() {
        return 0;
    }

    @Override
    public boolean release(String taskId, String owner) {
        released.add(taskId);
        return true;
    }

    @Override
    public void ping() {
        // the scripted database always answers
    }
}
