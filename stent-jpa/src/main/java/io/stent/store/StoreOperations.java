package io.stent.store;

import io.stent.ExecutionFinishedException;
import io.stent.ExecutionNotFoundException;
import io.stent.engine.schedule.CronExpression;
import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.NewExecution;
import io.stent.engine.store.ScheduleRecord;
import io.stent.engine.store.ScheduleStore;
import io.stent.engine.store.SignalStore;
import io.stent.operations.AuditView;
import io.stent.operations.CancelOutcome;
import io.stent.operations.DeadLetter;
import io.stent.operations.DeadLetterFilter;
import io.stent.operations.DeadLetterSort;
import io.stent.operations.ExecutionDetail;
import io.stent.operations.ExecutionFilter;
import io.stent.operations.ExecutionSort;
import io.stent.operations.ExecutionSummary;
import io.stent.operations.Page;
import io.stent.operations.PageRequest;
import io.stent.operations.ScheduleView;
import io.stent.operations.ReplayOutcome;
import io.stent.operations.StentOperations;
import io.stent.operations.StepView;
import io.stent.operations.WorkerView;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link StentOperations} on the store: reads through the store's queries (Jakarta Persistence),
 * changes in the store's transactions, and every change recorded in the audit trail with the
 * name the actor supplier gives at the time of the call. A running workflow notices a cancel at
 * its next durable call, on whichever instance runs it.
 */
public final class StoreOperations implements StentOperations {

    /** The most dead letters one bulk replay takes. */
    public static final int MAX_BULK_REPLAY = 10_000;

    private final JdbcStore store;
    private final Supplier<String> actor;
    private final int searchBudget;
    private final java.util.function.Consumer<String> bulkLauncher;

    /**
     * Operations on a store.
     *
     * @param store the store
     * @param actor who is calling, asked at each change (the request's user, or {@code application})
     */
    public StoreOperations(JdbcStore store, Supplier<String> actor) {
        this(store, actor, Page.SEARCH_BUDGET);
    }

    /**
     * Operations on a store whose searches by status alone read another number of executions.
     *
     * @param store the store
     * @param actor who is calling
     * @param searchBudget how many executions a search by status alone reads per call, at least 1
     */
    public StoreOperations(JdbcStore store, Supplier<String> actor, int searchBudget) {
        this(store, actor, searchBudget, id -> store.bulkReplays().run(id, () -> false));
    }

    private StoreOperations(JdbcStore store, Supplier<String> actor, int searchBudget,
                            java.util.function.Consumer<String> bulkLauncher) {
        if (searchBudget < 1) {
            throw new io.stent.StentArgumentException(StoreMessages.BAD_SEARCH_BUDGET, searchBudget);
        }
        this.store = store;
        this.actor = actor;
        this.searchBudget = searchBudget;
        this.bulkLauncher = bulkLauncher;
    }

    /**
     * The same operations, with bulk replays started as Jakarta Batch jobs of this server.
     *
     * @param dataSourceName the JNDI name of the Stent tables' DataSource, which the job looks up
     * @return the operations
     */
    public StoreOperations withBatchJobs(String dataSourceName) {
        return new StoreOperations(store, actor, searchBudget, id -> {
            jakarta.batch.operations.JobOperator jobs = jobOperator();
            if (jobs == null) {
                store.bulkReplays().run(id, () -> false); // no batch runtime here: in the calling thread
                return;
            }
            java.util.Properties parameters = new java.util.Properties();
            parameters.setProperty("bulkReplay", id);
            parameters.setProperty("dataSource", dataSourceName);
            jobs.start("stent-bulk-replay", parameters);
        });
    }

    /** The server's batch runtime, or null where there is none (Java SE, a server without Jakarta Batch). */
    private static jakarta.batch.operations.JobOperator jobOperator() {
        try {
            return jakarta.batch.runtime.BatchRuntime.getJobOperator();
        } catch (LinkageError | RuntimeException e) {
            java.util.logging.Logger.getLogger(StoreOperations.class.getName()).log(java.util.logging.Level.FINE,
                    "no Jakarta Batch runtime: bulk replays run in the calling thread", e);
            return null;
        }
    }

    @Override
    public io.stent.operations.Overview overview() {
        return store.queries().overview();
    }

    @Override
    public Page<ExecutionSummary> executions(ExecutionFilter filter, ExecutionSort sort, PageRequest page) {
        return store.queries(searchBudget).executions(filter, sort, page);
    }

    @Override
    public Optional<ExecutionDetail> execution(String id) {
        return store.queries().execution(id);
    }

    @Override
    public Page<StepView> steps(String executionId, PageRequest page) {
        return store.queries().steps(executionId, page);
    }

    @Override
    public CancelOutcome cancel(String id) {
        ExecutionStore executions = store.store().executions();
        ExecutionStore.CancelOutcome outcome = executions.cancel(id);
        List<String> cancelled = new ArrayList<>();
        if (outcome == ExecutionStore.CancelOutcome.CANCELLED || outcome == ExecutionStore.CancelOutcome.CANCELLING) {
            cancelled.add(id);
            cancelChildren(executions, id, cancelled);
        }
        record("execution.cancel", cancelled.isEmpty() ? List.of(id) : cancelled, cancelled.size(),
                outcome.name(), null);
        return switch (outcome) {
            case NOT_FOUND -> throw new ExecutionNotFoundException(id);
            case FINISHED -> throw new ExecutionFinishedException(id, "cancel");
            case CANCELLED -> CancelOutcome.CANCELLED;
            case CANCELLING -> CancelOutcome.CANCELLING;
            case ALREADY_CANCELLED -> CancelOutcome.ALREADY_CANCELLED;
        };
    }

    private static void cancelChildren(ExecutionStore executions, String parent, List<String> cancelled) {
        for (String child : executions.activeChildren(parent)) {
            ExecutionStore.CancelOutcome outcome = executions.cancel(child);
            if (outcome == ExecutionStore.CancelOutcome.CANCELLED
                    || outcome == ExecutionStore.CancelOutcome.CANCELLING) {
                cancelled.add(child);
                cancelChildren(executions, child, cancelled);
            }
        }
    }

    @Override
    public void signalJson(String id, String name, String jsonPayload) {
        String payload = SignalJson.check(name, jsonPayload);
        SignalStore.Delivery delivery = store.store().signals().send(id, name, payload);
        record("execution.signal", List.of(id), delivery == SignalStore.Delivery.DELIVERED ? 1 : 0, delivery.name(),
                "name=" + name);
        switch (delivery) {
            case NOT_FOUND -> throw new ExecutionNotFoundException(id);
            case FINISHED -> throw new ExecutionFinishedException(id, "signal '" + name + "'");
            default -> { }
        }
    }

    @Override
    public Page<DeadLetter> deadLetters(DeadLetterFilter filter, DeadLetterSort sort, PageRequest page) {
        return store.queries().deadLetters(filter, sort, page);
    }

    @Override
    public long countDeadLetters(DeadLetterFilter filter) {
        return store.queries().countDeadLetters(filter);
    }

    @Override
    public Optional<DeadLetter> deadLetter(String id) {
        return store.queries().deadLetter(id);
    }

    @Override
    public ReplayOutcome replay(String id) {
        ReplayOutcome outcome = store.deadLetters().replay(id);
        record("dead-letter.replay", List.of(id), outcome == ReplayOutcome.REPLAYED ? 1 : 0, outcome.name(), null);
        return outcome;
    }

    @Override
    public ReplayOutcome retry(String executionId) {
        ReplayOutcome outcome = store.deadLetters().retryExecution(executionId);
        record("execution.retry", List.of(executionId), outcome == ReplayOutcome.REPLAYED ? 1 : 0, outcome.name(),
                null);
        return outcome;
    }

    @Override
    public List<String> replayAll(DeadLetterFilter filter, int max) {
        List<String> replayed = store.deadLetters().replayMatching(filter, max);
        record("dead-letter.replay-matching", replayed, replayed.size(), "REPLAYED", describe(filter, max));
        return replayed;
    }

    @Override
    public io.stent.operations.BulkReplayView startBulkReplay(DeadLetterFilter filter) {
        io.stent.operations.BulkReplayView started = store.bulkReplays().create(filter, actor.get());
        record("dead-letter.bulk-replay", List.of(started.id()), (int) Math.min(Integer.MAX_VALUE, started.total()),
                "STARTED", describe(filter, (int) Math.min(Integer.MAX_VALUE, started.total())));
        try {
            bulkLauncher.accept(started.id());
        } catch (RuntimeException e) {
            store.bulkReplays().failed(started.id());
            throw e;
        }
        return store.bulkReplays().find(started.id()).orElse(started);
    }

    @Override
    public List<io.stent.operations.BulkReplayView> bulkReplays() {
        return store.bulkReplays().latest();
    }

    @Override
    public List<io.stent.operations.RetentionRunView> retentionRuns() {
        return store.retentionRuns().latest(50);
    }

    @Override
    public java.util.Optional<io.stent.operations.BulkReplayView> bulkReplay(String id) {
        return store.bulkReplays().find(id);
    }

    @Override
    public boolean resumeBulkReplay(String id) {
        boolean resumed = store.bulkReplays().resume(id);
        record("dead-letter.bulk-replay-resume", List.of(id), resumed ? 1 : 0, resumed ? "RUNNING" : "NOT_FOUND",
                null);
        if (resumed) {
            try {
                bulkLauncher.accept(id);
            } catch (RuntimeException e) {
                store.bulkReplays().failed(id);
                throw e;
            }
        }
        return resumed;
    }

    @Override
    public boolean stopBulkReplay(String id) {
        boolean stopping = store.bulkReplays().stop(id);
        record("dead-letter.bulk-replay-stop", List.of(id), stopping ? 1 : 0, stopping ? "STOPPING" : "NOT_RUNNING",
                null);
        return stopping;
    }

    @Override
    public boolean deleteDeadLetter(String id) {
        boolean deleted = store.deadLetters().delete(id);
        record("dead-letter.delete", List.of(id), deleted ? 1 : 0, deleted ? "DELETED" : "NOT_FOUND", null);
        return deleted;
    }

    @Override
    public int purgeDeadLetters(Duration age) {
        int purged = store.deadLetters().purgeOlderThan(age);
        record("dead-letter.purge", List.of(), purged, "PURGED", "olderThan=" + age);
        return purged;
    }

    @Override
    public long exportExecutions(ExecutionFilter filter, java.util.function.Consumer<io.stent.operations.ExecutionExport> each) {
        long[] count = new long[1];
        boolean done = false;
        try {
            store.queries().export(filter, execution -> {
                each.accept(execution);
                count[0]++;
            });
            done = true;
        } finally {
            record("executions.export", List.of(), (int) Math.min(Integer.MAX_VALUE, count[0]),
                    done ? "EXPORTED" : "FAILED", filter.toString());
        }
        return count[0];
    }

    @Override
    public List<ScheduleView> schedules() {
        return store.store().schedules().all().stream().map(StoreOperations::view).toList();
    }

    private static ScheduleView view(ScheduleRecord schedule) {
        java.util.List<java.time.OffsetDateTime> upcoming = new java.util.ArrayList<>();
        if (!schedule.paused()) {
            CronExpression cron = CronExpression.parse(schedule.cron());
            java.time.ZoneId zone = java.time.ZoneId.of(schedule.zone());
            for (Instant fire = schedule.nextFireAt(); fire != null && upcoming.size() < ScheduleView.UPCOMING;
                 fire = cron.next(fire, zone).orElse(null)) {
                upcoming.add(utc(fire));
            }
        }
        return new ScheduleView(schedule.name(), schedule.functionName(), schedule.cron(), schedule.zone(),
                io.stent.ScheduleOverlap.valueOf(schedule.overlap()), io.stent.ScheduleCatchUp.valueOf(schedule.catchUp()),
                schedule.catchUpLimit(), java.time.Duration.ofMillis(schedule.graceMillis()), schedule.declared(),
                schedule.paused(), upcoming, utc(schedule.bufferedFireAt()), utc(schedule.lastFireAt()),
                schedule.lastExecutionId(), schedule.previousRunning(), schedule.fires(), schedule.dropped());
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    @Override
    public boolean pauseSchedule(String name) {
        boolean paused = store.store().schedules().setPaused(name, true, null);
        record("schedule.pause", List.of(name), paused ? 1 : 0, paused ? "PAUSED" : "NOT_FOUND", null);
        return paused;
    }

    @Override
    public boolean resumeSchedule(String name) {
        ScheduleStore schedules = store.store().schedules();
        Optional<ScheduleRecord> schedule = schedules.find(name);
        boolean resumed = schedule.isPresent() && schedules.setPaused(name, false,
                CronExpression.parse(schedule.get().cron()).next(schedules.now(),
                        java.time.ZoneId.of(schedule.get().zone())).orElseThrow());
        record("schedule.resume", List.of(name), resumed ? 1 : 0, resumed ? "RESUMED" : "NOT_FOUND", null);
        return resumed;
    }

    @Override
    public Optional<String> triggerSchedule(String name) {
        Optional<NewExecution> execution = store.store().schedules().find(name).map(ScheduleRecord::manualExecution);
        Optional<String> started = execution.filter(e -> store.store().schedules().trigger(name, e))
                .map(NewExecution::id);
        record("schedule.trigger", started.isPresent() ? List.of(name, started.get()) : List.of(name),
                started.isPresent() ? 1 : 0, started.isPresent() ? "STARTED" : "NOT_FOUND", null);
        return started;
    }

    @Override
    public boolean deleteSchedule(String name) {
        boolean deleted = store.store().schedules().delete(name);
        record("schedule.delete", List.of(name), deleted ? 1 : 0, deleted ? "DELETED" : "NOT_FOUND", null);
        return deleted;
    }

    @Override
    public List<WorkerView> workers() {
        return store.queries().workers();
    }

    @Override
    public Page<AuditView> audit(String actor, String operation, PageRequest page) {
        return store.queries().audit(actor, operation, page);
    }

    private void record(String operation, List<String> targets, int affected, String outcome, String detail) {
        store.audit().record(actor.get(), operation, targets, affected, outcome, detail);
    }

    private static String describe(DeadLetterFilter filter, int max) {
        StringBuilder text = new StringBuilder();
        append(text, "execution", filter.executionId());
        append(text, "function", filter.function());
        append(text, "queue", filter.queue());
        append(text, "errorClass", filter.errorClass());
        append(text, "from", filter.failedFrom());
        append(text, "before", filter.failedBefore());
        append(text, "max", max);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(text.length() == 0 ? "" : " ").append(name).append('=').append(value);
        }
    }
}
