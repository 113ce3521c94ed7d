package io.stent.engine.worker;

import io.stent.engine.EngineMessages;
import io.stent.engine.EngineSettings;
import io.stent.engine.StentLog;
import io.stent.engine.StopSignal;
import io.stent.engine.Wakeups;
import io.stent.engine.store.ClaimGroup;
import io.stent.engine.store.ClaimedTask;
import io.stent.engine.store.TaskClaims;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The claim loop of one instance: claims due tasks in batches while it has free threads, runs
 * them on its pool, renews their leases by heartbeat, recovers tasks of dead workers, and on stop
 * drains: running tasks finish, or are released for another worker when the drain time is up.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());

    private final EngineSettings settings;
    private final TaskClaims claims;
    private final List<ClaimGroup> groups;
    private final TaskHandler runner;
    private final Consumer<String> cancelRequested;
    private final Wakeups wakeups;
    private final ThreadFactory threads;
    private final WorkerCapacity capacity;
    private final Map<String, ClaimedTask> inFlight = new ConcurrentHashMap<>();
    /** Tasks whose outcome could not be written: they go back to the queue once the database answers. */
    private final java.util.Queue<TaskEnding> toGiveBack = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private long lastGiveBackFailure;
    /** Runs claimed tasks on the pool's threads; holds those waiting for a thread permit. */
    private final TaskRunners runners;
    private final java.util.Set<io.stent.engine.store.FunctionKey> runnableAtStart;
    private volatile boolean running;
    /** Whether the last claim took all it asked for, so more due work may be waiting. */
    private volatile boolean backlog;
    /** Whether it stops, and until when claims are held back after a failure of the server or the database. */
    private final ClaimControl control;
    private ExecutorService pool;
    /** Claim loops: two, so that one claim's round trip overlaps the next under a backlog. */
    private final List<Thread> pollers = new java.util.ArrayList<>();
    private static final int CLAIM_LOOPS = 2;
    private Thread heartbeat;
    /** Ends the heartbeat loop's pauses at stop, without interrupting it in a database call. */
    private StopSignal heartbeatStop = new StopSignal();
    /** This worker's registration, sign of life and take-over of dead workers; null without a registry. */
    private final WorkerPresence presence;

    /**
     * Creates a worker.
     *
     * @param settings the tuning
     * @param claims the claim store
     * @param groups the claim groups: the functions this worker may claim, by their limits
     * @param runner runs one claimed task
     * @param cancelRequested told, by execution id, of cancel requests for running tasks
     * @param wakeups in-process wake-ups
     * @param threads the (managed) thread factory
     */
    public Worker(EngineSettings settings, TaskClaims claims, List<ClaimGroup> groups, TaskHandler runner,
                  Consumer<String> cancelRequested, Wakeups wakeups, ThreadFactory threads) {
        this(settings, claims, null, groups, runner, cancelRequested, wakeups, threads, new ClaimControl());
    }

    /**
     * Creates a worker that registers itself, so that other workers take its tasks over as soon as
     * it is dead, and it theirs.
     *
     * @param settings the tuning
     * @param claims the claim store
     * @param registry the worker registry, or null to rely on leases alone
     * @param groups the claim groups: the functions this worker may claim, by their limits
     * @param runner runs one claimed task
     * @param cancelRequested told, by execution id, of cancel requests for running tasks
     * @param wakeups in-process wake-ups
     * @param threads the (managed) thread factory
     * @param control shared with the code that runs the tasks: stopping, and pauses of the claims
     */
    public Worker(EngineSettings settings, TaskClaims claims, io.stent.engine.store.WorkerRegistry registry,
                  List<ClaimGroup> groups, TaskHandler runner, Consumer<String> cancelRequested, Wakeups wakeups,
                  ThreadFactory threads, ClaimControl control) {
        this.control = control;
        this.presence = registry == null ? null : new WorkerPresence(registry, settings.workerId(),
                groups.stream().flatMap(group -> group.functions().stream())
                        .collect(java.util.stream.Collectors.toSet()), settings.routing(),
                settings.failures().presenceInterval(), settings.failures().processChecks(), wakeups, threads);
        this.settings = settings;
        this.claims = claims;
        this.groups = List.copyOf(groups);
        this.runner = runner;
        this.cancelRequested = cancelRequested;
        this.wakeups = wakeups;
        this.threads = threads;
        this.capacity = new WorkerCapacity(settings.workerThreads(), settings.claimBatch());
        this.runners = new TaskRunners(capacity, this::runHoldingPermit, () -> running);
        this.runnableAtStart = groups.stream().filter(group -> !group.limited())
                .flatMap(group -> group.functions().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * Reserves a thread to run an execution of {@code function} that this instance is starting,
     * without a trip through the queue. Only granted when this worker claims the function without
     * limits, has a free thread, and no due work is waiting (so nothing it would claim first is
     * overtaken).
     *
     * @param function the function and version to run
     * @return true if a thread is reserved: then call {@link #runReserved} or
     *     {@link #cancelReservation}
     */
    public boolean tryReserve(io.stent.engine.store.FunctionKey function) {
        return running && !backlog && !paused() && runnableAtStart.contains(function) && capacity.tryReserve();
    }

    /**
     * Holds claims back for a while: the server or the infrastructure failed a task, and claiming
     * more now would only fail them too. A later, longer pause extends it.
     *
     * @param duration how long to hold claims back
     */
    public void pauseClaims(Duration duration) {
        control.pauseClaims(duration);
    }

    /**
     * Ends a pause of the claims at once (an operator's pause, or a benchmark's hold on a burst).
     */
    public void resumeClaims() {
        control.resumeClaims();
        wakeups.workAvailable();
    }

    private boolean paused() {
        return control.pauseLeftNanos() > 0;
    }

    /** Gives back a thread reserved by {@link #tryReserve} that is not used. */
    public void cancelReservation() {
        capacity.cancelReservation();
    }

    /**
     * Runs a task claimed at its start on a thread reserved by {@link #tryReserve}. If the worker
     * stopped meanwhile, the task is released for another worker.
     *
     * @param task the task, leased to this worker
     * @return true if it runs here; false if it was released instead
     */
    public boolean runReserved(ClaimedTask task) {
        try {
            inFlight.put(task.id(), task);
            runners.startHolding(task);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.remove(task.id());
            cancelReservation();
            releaseQuietly(task);
            return false;
        }
    }

    /** Starts claiming. Does nothing if this deployment registered no function. */
    public synchronized void start() {
        if (running || groups.isEmpty()) {
            return;
        }
        if (presence != null) {
            presence.start();
        }
        running = true;
        // Every task handed to the pool holds a thread permit. A task's permit comes free when its
        // code is done, a little before its thread is: the threads beyond the configured count
        // take the next tasks meanwhile.
        int poolSize = 2 * settings.workerThreads();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(poolSize, poolSize, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        executor.allowCoreThreadTimeOut(true);
        pool = executor;
        runners.start(executor);
        for (int i = 0; i < CLAIM_LOOPS; i++) {
            boolean recovers = i == 0;
            Thread poller = threads.newThread(() -> pollLoop(recovers));
            poller.setName("stent-poller-" + i + "-" + settings.workerId());
            pollers.add(poller);
        }
        heartbeatStop = new StopSignal();
        StopSignal beatStop = heartbeatStop;
        heartbeat = threads.newThread(() -> heartbeatLoop(beatStop));
        heartbeat.setName("stent-heartbeat-" + settings.workerId());
        pollers.forEach(Thread::start);
        heartbeat.start();
        LOG.info(() -> EngineMessages.WORKER_STARTED.format(settings.workerId(), settings.workerThreads(),
                groups.stream().flatMap(g -> g.functions().stream())
                .map(key -> key.name() + "@" + key.version()).toList()));
    }

    /**
     * Executions that no live instance can run, by {@code function@version}, as last counted (about
     * every ten seconds while the worker runs).
     *
     * @param fresh whether to count again now
     * @return the counts; empty without a worker registry
     */
    public Map<String, Long> unrunnableExecutions(boolean fresh) {
        if (presence == null) {
            return Map.of();
        }
        return fresh ? presence.unrunnable.refresh() : presence.unrunnable.counts();
    }

    /**
     * Tells {@code watcher} the counts of executions no live instance can run, each time they are
     * counted.
     *
     * @param watcher receives the counts by {@code function@version}
     */
    public void watchUnrunnableExecutions(java.util.function.Consumer<Map<String, Long>> watcher) {
        if (presence != null) {
            presence.unrunnable.watch(watcher);
        }
    }

    /**
     * Tells whether the worker is shutting down; tasks that fail then are released, not failed.
     *
     * @return true once {@link #stop()} began
     */
    public boolean isStopping() {
        return control.isStopping();
    }

    /**
     * Tells whether the claim loop is alive (for liveness checks).
     *
     * @return true while running
     */
    public boolean isAlive() {
        return running && !pollers.isEmpty() && pollers.stream().allMatch(Thread::isAlive);
    }

    /** Stops claiming, drains running tasks and releases what did not finish in time. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        // From now on the server tears the application down: a task that fails meanwhile most
        // likely failed for that, so it is released rather than charged an attempt.
        control.stop();
        pollers.forEach(poller -> wakeups.workAvailable()); // one wake-up per idle claim loop
        pollers.forEach(Worker::joinQuietly);
        pollers.clear();
        pool.shutdown();
        if (!databaseAnswers()) {
            stopWithoutDatabase();
            return;
        }
        releaseWaitingForThread();
        StentLog.log(LOG, Level.INFO, EngineMessages.WORKER_DRAINING.format(settings.workerId(),
                settings.drainTimeout(), inFlight.size()), null);
        long drainUntil = System.nanoTime() + settings.drainTimeout().toNanos();
        try {
            if (!pool.awaitTermination(settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                StentLog.log(LOG, Level.INFO, EngineMessages.DRAIN_TIME_UP.format(), null);
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
            releaseWaitingForThread();
            awaitDeferredEnds(drainUntil);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int released = 0;
        for (ClaimedTask task : inFlight.values()) {
            released += releaseQuietly(task) ? 1 : 0;
        }
        heartbeatStop.stop();
        joinQuietly(heartbeat);
        if (presence != null) {
            presence.stop();
        }
        int releasedCount = released;
        StentLog.log(LOG, Level.INFO, EngineMessages.WORKER_STOPPED.format(settings.workerId(),
                (releasedCount > 0 ? "; " + releasedCount + " unfinished task(s) released for another worker" : "")),
                null);
    }

    /**
     * Tells whether the database still answers within a couple of seconds. On SIGTERM the embedded
     * H2 database closes itself at once, before the server stops the application; a task could then
     * neither record its result nor be released, and waiting for it would only delay the exit.
     */
    private boolean databaseAnswers() {
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        Runnable ping = () -> {
            try {
                claims.ping();
                answer.complete(true);
            } catch (RuntimeException e) {
                answer.complete(false);
            }
        };
        try {
            Thread pinger = threads.newThread(ping);
            pinger.setDaemon(true);
            pinger.start();
        } catch (RuntimeException e) {
            ping.run();
        }
        try {
            return answer.get(2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops at once when the database is gone: running tasks are interrupted, and nothing is
     * written. Their leases stay with this worker; another worker (or this instance once restarted)
     * takes them over as soon as it sees this worker is dead, and gives their attempts back.
     */
    private void stopWithoutDatabase() {
        control.stop();
        StentLog.log(LOG, Level.WARNING, EngineMessages.STOP_WITHOUT_DATABASE.format(settings.workerId(),
                inFlight.size()), null);
        pool.shutdownNow();
        runners.takeAllWaiting();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeatStop.stop();
        StentLog.log(LOG, Level.INFO, EngineMessages.WORKER_STOPPED.format(settings.workerId(), ""), null);
    }

    /**
     * Waits (until the drain deadline, and a few seconds at least) for tasks whose code is done
     * but whose commit is still pending: releasing them instead would run them again.
     */
    private void awaitDeferredEnds(long drainUntil) throws InterruptedException {
        long until = Math.max(drainUntil, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        while (!inFlight.isEmpty() && System.nanoTime() - until < 0) {
            Thread.sleep(5);
        }
    }

    private void pollLoop(boolean recovers) {
        Duration idle = settings.pollMin();
        long nextRecovery = 0;
        while (running) {
            try {
                if (recovers && System.nanoTime() - nextRecovery >= 0) {
                    int recovered = claims.recoverExpiredLeases();
                    if (recovered > 0) {
                        LOG.info(() -> EngineMessages.LEASES_RECOVERED.format(recovered));
                    }
                    nextRecovery = System.nanoTime() + settings.recoveryInterval().toNanos();
                }
                runners.startRunners(); // in case the runners are stuck in long tasks
                if (recovers) {
                    giveBackPending();
                }
                long pause = control.pauseLeftNanos();
                if (pause > 0) {
                    sleepQuietly(Duration.ofNanos(Math.min(pause, TimeUnit.MILLISECONDS.toNanos(100))));
                    continue;
                }
                int wanted = capacity.takeClaimRoom(backlog, !runners.anyWaiting()
                        ? WorkerCapacity.WAIT_SLICE_MILLIS : 1);
                if (wanted == 0) {
                    continue; // look at running again: a stop must not wait for busy threads
                }
                int claimed = 0;
                try {
                    claimed = running ? claimGroups(wanted) : 0;
                } finally {
                    capacity.unclaimed(wanted - claimed);
                }
                backlog = claimed == wanted;
                if (claimed == wanted) {
                    idle = settings.pollMin();
                } else {
                    wakeups.awaitWork(claimed == 0 ? idle : settings.pollMin());
                    idle = claimed == 0 ? min(idle.multipliedBy(2), settings.pollMax()) : settings.pollMin();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, EngineMessages.CLAIM_FAILED.format(settings.pollMax()), e);
                sleepQuietly(settings.pollMax());
            }
        }
    }

    /** Claims from each group in turn until {@code wanted} tasks are claimed; returns how many. */
    private int claimGroups(int wanted) {
        int claimed = 0;
        for (ClaimGroup group : groups) {
            int room = wanted - claimed;
            if (room <= 0) {
                break;
            }
            List<ClaimedTask> tasks = group.limited()
                    ? claims.claimLimited(settings.workerId(), group, room, settings.lease())
                    : claims.claim(settings.workerId(), group.functions(), room, settings.lease());
            dispatch(tasks);
            claimed += tasks.size();
        }
        return claimed;
    }

    /** Puts claimed tasks in flight (their slots are already taken) and hands them to the runners. */
    private void dispatch(List<ClaimedTask> tasks) {
        for (ClaimedTask task : tasks) {
            inFlight.put(task.id(), task);
        }
        runners.dispatch(tasks);
    }

    /**
     * Runs one task that holds a thread permit, and gives the permit back as soon as the task's
     * own code is done. The task stays in flight (its lease renewed) until it ends: when the
     * handler returns, or later if the handler deferred its end.
     */
    private void runHoldingPermit(ClaimedTask task) {
        WorkerCapacity.TaskHold hold = capacity.hold();
        TaskEnding ending = new TaskEnding(task, hold);
        try {
            runner.run(task, ending);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, EngineMessages.GIVEN_BACK.format("outcome", task.id(), "written"), e);
            ending.giveBack();
        } finally {
            hold.bodyDone();
            if (!ending.deferred) {
                ending.end();
            }
        }
    }

    /** Gives back the tasks whose outcome could not be written, while the database answers again. */
    private void giveBackPending() {
        for (TaskEnding ending = toGiveBack.peek(); ending != null; ending = toGiveBack.peek()) {
            try {
                boolean held = claims.release(ending.task.id(), settings.workerId());
                TaskEnding given = ending;
                LOG.info(() -> EngineMessages.GIVEN_BACK_LATER.format(given.task.id(),
                        (held ? "" : " (another worker had taken it over)")));
            } catch (RuntimeException e) {
                long now = System.nanoTime();
                if (now - lastGiveBackFailure > TimeUnit.SECONDS.toNanos(30)) {
                    lastGiveBackFailure = now;
                    LOG.log(Level.WARNING, EngineMessages.GIVE_BACK_WAITING.format(toGiveBack.size()), e);
                }
                return;
            }
            toGiveBack.poll();
            ending.end();
        }
    }

    /** On stop: tasks claimed ahead that never got a thread go back to the queue for any worker. */
    private void releaseWaitingForThread() {
        for (ClaimedTask task : runners.takeAllWaiting()) {
            inFlight.remove(task.id());
            capacity.unclaimed(1);
            releaseQuietly(task);
        }
    }

    /** One task's end: it leaves the in-flight set once, when it ended. */
    private final class TaskEnding implements TaskHandler.TaskEnd {
        private final ClaimedTask task;
        private final WorkerCapacity.TaskHold hold;
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile boolean deferred;

        TaskEnding(ClaimedTask task, WorkerCapacity.TaskHold hold) {
            this.task = task;
            this.hold = hold;
        }

        @Override
        public void bodyDone() {
            hold.bodyDone();
        }

        @Override
        public Runnable defer() {
            deferred = true;
            return this::end;
        }

        @Override
        public void giveBack() {
            deferred = true;
            hold.bodyDone();
            toGiveBack.add(this);
        }

        void end() {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            hold.bodyDone();
            inFlight.remove(task.id());
            if (!runnableAtStart.contains(new io.stent.engine.store.FunctionKey(task.functionName(),
                    task.functionVersion()))) {
                // A limited function's end frees room under its limit: due work may now be claimable.
                wakeups.workAvailable();
            }
        }
    }

    private void heartbeatLoop(StopSignal stop) {
        while (stop.pause(settings.heartbeat())) {
            try {
                if (!inFlight.isEmpty()) {
                    claims.renewLeases(settings.workerId(), settings.lease());
                    claims.cancelRequested(inFlight.values().stream().map(ClaimedTask::executionId).toList())
                            .forEach(cancelRequested);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, EngineMessages.RENEWAL_FAILED.format(settings.lease()), e);
            }
        }
    }

    private boolean releaseQuietly(ClaimedTask task) {
        try {
            return claims.release(task.id(), settings.workerId());
        } catch (RuntimeException e) {
            StentLog.log(LOG, Level.WARNING, EngineMessages.RELEASE_FAILED.format(task.id()), e);
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
