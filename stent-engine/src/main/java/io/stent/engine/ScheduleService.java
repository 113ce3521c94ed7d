package io.stent.engine;

import io.stent.ScheduleCatchUp;
import io.stent.ScheduleOverlap;
import io.stent.ScheduleSpec;
import io.stent.UnregisteredFunctionError;
import io.stent.engine.schedule.CronExpression;
import io.stent.engine.schedule.FireDecision;
import io.stent.engine.schedule.ScheduleRules;
import io.stent.engine.store.NewExecution;
import io.stent.engine.store.ScheduleRecord;
import io.stent.engine.store.ScheduleStore;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Recurring schedules: writes them, and runs rounds that start the executions of due fire times.
 * Every instance runs rounds; the store applies each round so that a fire time starts at most one
 * execution, and every execution carries the idempotency key {@code stent-schedule:NAME@FIRE-TIME}.
 */
public final class ScheduleService {

    private static final Logger LOG = Logger.getLogger(ScheduleService.class.getName());
    /** The most schedules one round looks at. */
    static final int ROUND_LIMIT = 200;
    /** Longest schedule name: its executions' idempotency keys add the fire time to it. */
    public static final int MAX_NAME = 150;

    private final ScheduleStore store;
    private final FunctionRegistry registry;
    private final ArgumentCodec arguments;
    /** Called after a commit that queued executions: wakes the local worker and tells the others. */
    private final Runnable workQueued;
    private final java.util.Set<String> reportedUnknown = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Deque<Declaration> undeclared = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final java.util.Set<String> declaredNames = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean declarationsPending;

    /**
     * A schedule an annotation declares.
     *
     * @param name the schedule's name
     * @param spec when it fires
     * @param functionName the function (without parameters) it starts
     */
    public record Declaration(String name, ScheduleSpec spec, String functionName) {
    }

    ScheduleService(ScheduleStore store, FunctionRegistry registry, ArgumentCodec arguments, Runnable workQueued) {
        this.store = store;
        this.registry = registry;
        this.arguments = arguments;
        this.workQueued = workQueued;
    }

    /**
     * Checks a schedule's definition without writing it.
     *
     * @param name the schedule's name
     * @param spec when it fires
     * @return the rules it fires by
     * @throws io.stent.StentArgumentException naming what is wrong: the name, the cron expression, the zone
     */
    public static ScheduleRules rules(String name, ScheduleSpec spec) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME || name.contains("/")) {
            throw new io.stent.StentArgumentException(EngineMessages.BAD_SCHEDULE_NAME, MAX_NAME, name);
        }
        return new ScheduleRules(CronExpression.parse(spec.cron()), spec.zone(), spec.overlap(), spec.catchUp(),
                spec.catchUpLimit(), spec.grace());
    }

    /**
     * Reads a zone id for a schedule.
     *
     * @param zone the id
     * @return the zone
     * @throws io.stent.StentArgumentException naming the id
     */
    public static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new io.stent.StentArgumentException(EngineMessages.UNKNOWN_ZONE, e, zone);
        }
    }

    /**
     * Writes a schedule of a function: a new one fires first at its next fire time after now (the
     * database clock); an existing one keeps its state unless its fire times changed.
     *
     * @param name the schedule's name
     * @param spec when it fires
     * @param function the function it starts
     * @param args the arguments of each execution
     * @param declared whether an annotation declares it
     * @return true if it was new or changed
     */
    public boolean save(String name, ScheduleSpec spec, FunctionDefinition function, Object[] args, boolean declared) {
        ScheduleRules rules = rules(name, spec);
        Instant first = rules.nextAfter(store.now());
        return store.save(new ScheduleRecord(name, function.name(), function.version(), function.queue(),
                function.routing().priority(), function.routing().tags(), arguments.encode(function, args), spec.cron(),
                spec.zone().getId(), spec.overlap().name(), spec.catchUp().name(), spec.catchUpLimit(),
                spec.grace().toMillis(), declared, false, first, null, null, null, 0, 0, false));
    }

    /**
     * Hands over the deployment's declared schedules: the next rounds write them (and go on trying
     * while the database is away), before they fire anything.
     *
     * @param declarations the declared schedules
     */
    public void declare(List<Declaration> declarations) {
        for (Declaration declaration : declarations) {
            declaredNames.add(declaration.name());
        }
        undeclared.addAll(declarations);
        declarationsPending = true;
    }

    private void writeDeclared() {
        for (Declaration declaration = undeclared.peek(); declaration != null; declaration = undeclared.peek()) {
            save(declaration.name(), declaration.spec(), registry.require(declaration.functionName()), new Object[0],
                    true);
            undeclared.remove();
        }
        for (ScheduleRecord stored : store.all()) {
            if (stored.declared() && !declaredNames.contains(stored.name()) && registry.contains(stored.functionName())
                    && reportedUnknown.add("undeclared:" + stored.name())) {
                LOG.warning(() -> EngineMessages.SCHEDULE_NO_LONGER_DECLARED.format(stored.name(),
                        stored.functionName()));
            }
        }
        declarationsPending = false;
    }

    /**
     * Runs one round: every due schedule whose function this instance knows starts the executions
     * of its due fire times (or drops them, as its policies say).
     *
     * @return how many executions this round started
     */
    public int runRound() {
        if (declarationsPending) {
            writeDeclared();
        }
        List<ScheduleRecord> due = store.due(ROUND_LIMIT);
        if (due.isEmpty()) {
            return 0;
        }
        Instant now = store.now();
        int started = 0;
        for (ScheduleRecord schedule : due) {
            started += fire(schedule, now);
        }
        if (started > 0) {
            workQueued.run();
        }
        return started;
    }

    private int fire(ScheduleRecord schedule, Instant now) {
        Optional<FunctionDefinition> function = known(schedule);
        if (function.isEmpty()) {
            return 0; // an instance that runs it fires it
        }
        FireDecision decision = rulesOf(schedule).decide(schedule.nextFireAt(), now, schedule.previousRunning(),
                schedule.bufferedFireAt());
        if (decision.start().isEmpty() && decision.nextFireAt().equals(schedule.nextFireAt())
                && Objects.equals(decision.buffered(), schedule.bufferedFireAt())) {
            return 0;
        }
        List<NewExecution> starts = decision.start().stream()
                .map(fire -> execution(schedule, function.get(), schedule.name() + "@" + fire)).toList();
        Instant last = decision.start().isEmpty() ? null : decision.start().get(decision.start().size() - 1);
        boolean applied = store.fire(schedule, decision.nextFireAt(), decision.buffered(), starts, last,
                decision.dropped());
        return applied ? starts.size() : 0;
    }

    /**
     * Starts an execution of a schedule now, whatever its fire times and policies.
     *
     * @param name the schedule
     * @return the execution's id, or empty if there is no such schedule
     */
    public Optional<String> trigger(String name) {
        Optional<NewExecution> execution = store.find(name).map(ScheduleRecord::manualExecution);
        if (execution.isEmpty() || !store.trigger(name, execution.get())) {
            return Optional.empty();
        }
        workQueued.run();
        return Optional.of(execution.get().id());
    }

    /**
     * Pauses a schedule: no fire time starts until it is resumed.
     *
     * @param name the schedule
     * @return false if there is none
     */
    public boolean pause(String name) {
        return store.setPaused(name, true, null);
    }

    /**
     * Resumes a schedule from its next fire time after now; the ones passed while it was paused are dropped.
     *
     * @param name the schedule
     * @return false if there is none
     */
    public boolean resume(String name) {
        Optional<ScheduleRecord> schedule = store.find(name);
        if (schedule.isEmpty()) {
            return false;
        }
        return store.setPaused(name, false, rulesOf(schedule.get()).nextAfter(store.now()));
    }

    /**
     * Deletes a schedule; executions it started go on.
     *
     * @param name the schedule
     * @return false if there was none
     */
    public boolean delete(String name) {
        return store.delete(name);
    }

    /**
     * @return every schedule, by name
     */
    public List<ScheduleRecord> all() {
        return store.all();
    }

    private Optional<FunctionDefinition> known(ScheduleRecord schedule) {
        try {
            return Optional.of(registry.require(schedule.functionName()));
        } catch (UnregisteredFunctionError e) {
            if (reportedUnknown.add(schedule.name())) {
                LOG.info(() -> EngineMessages.SCHEDULE_FUNCTION_ELSEWHERE.format(schedule.name(),
                        schedule.functionName()));
            }
            return Optional.empty();
        }
    }

    private static ScheduleRules rulesOf(ScheduleRecord schedule) {
        return new ScheduleRules(CronExpression.parse(schedule.cron()), zone(schedule.zone()),
                ScheduleOverlap.valueOf(schedule.overlap()), ScheduleCatchUp.valueOf(schedule.catchUp()),
                schedule.catchUpLimit(), Duration.ofMillis(schedule.graceMillis()));
    }

    private static NewExecution execution(ScheduleRecord schedule, FunctionDefinition function, String key) {
        return new NewExecution(io.stent.engine.store.TimeOrderedIds.next(), function.name(), function.version(), function.queue(),
                schedule.arguments(), "stent-schedule:" + key, Duration.ZERO, null, null, null,
                function.routing().priority(), function.routing().tags());
    }
}
