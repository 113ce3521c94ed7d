package io.stent.cdi;

import io.stent.engine.store.ClaimGroup;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.FunctionKey;
import io.stent.engine.store.TaskClaims;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The store's claims, with each claim statement's duration reported to a {@link StentMeter}. */
final class TimedClaims implements TaskClaims {

    private final TaskClaims claims;
    private final StentMeter meter;

    TimedClaims(TaskClaims claims, StentMeter meter) {
        this.claims = claims;
        this.meter = meter;
    }

    @Override
    public List<ClaimedTask> claim(String owner, Collection<FunctionKey> functions, int limit, Duration lease) {
        return timed(() -> claims.claim(owner, functions, limit, lease));
    }

    @Override
    public List<ClaimedTask> claimLimited(String owner, ClaimGroup group, int limit, Duration lease) {
        return timed(() -> claims.claimLimited(owner, group, limit, lease));
    }

    private List<ClaimedTask> timed(Supplier<List<ClaimedTask>> claim) {
        long started = System.nanoTime();
        try {
            return claim.get();
        } finally {
            meter.claimed(System.nanoTime() - started);
        }
    }

    @Override
    public int renewLeases(String owner, Duration lease) {
        return claims.renewLeases(owner, lease);
    }

    @Override
    public Set<String> cancelRequested(Collection<String> executionIds) {
        return claims.cancelRequested(executionIds);
    }

    @Override
    public int recoverExpiredLeases() {
        return claims.recoverExpiredLeases();
    }

    @Override
    public boolean release(String taskId, String owner) {
        return claims.release(taskId, owner);
    }

    @Override
    public void ping() {
        claims.ping();
    }
}
