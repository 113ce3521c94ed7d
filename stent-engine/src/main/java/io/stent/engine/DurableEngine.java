package io.stent.engine;

import io.stent.DurableCall;
import io.stent.DurableFuture;
import io.stent.ExecutionHandle;
import io.stent.StartOptions;
import io.stent.Stent;
import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.Store;
import io.stent.engine.worker.ClaimControl;
import io.stent.engine.worker.Worker;
import io.stent.spi.Serializer;

import io.stent.ExecutionFinishedException;
import io.stent.ExecutionNotFoundException;
import io.stent.engine.store.ExecutionStore;
import io.stent.engine.store.SignalStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * The engine of one deployment: routes intercepted durable calls (start, body, step), starts and
 * finds executions, and owns the worker. Container adapters build it with their store, invoker,
 * serializer, transaction boundary and thread factory.
 */
public final class DurableEngine implements Stent {

    private final FunctionRegistry registry;
    private final EngineSettings settings;
    private final ContextHolder contexts = new ContextHolder();
    private final CallCapture capture = new CallCapture();
    private final Wakeups wakeups = new Wakeups();
    private final Outcomes outcomes;
    private final ExecutionStarter starter;
    private final ResultAwaiter awaiter;
    private final StepRunner steps;
    private final WaitRunner waits;
    private final ChildRunner children;
    private final StepWatchdog watchdog;
    private final Store store;
    private final Serializer serializer;
    private final TransactionBoundary boundary;
    private final ThreadFactory threads;
    private final CompletionBatcher batcher;
    private final ResultCaching caching;
    private final ArgumentCodec arguments;
    private final Map<String, ExecutionState> running = new ConcurrentHashMap<>();
    /** Functions that a workflow cannot run inline as a step: limited, tagged, or on a queue not served here. */
    private final java.util.Set<FunctionDefinition> dispatchedAsStep;
    private final Worker worker;
    private final ScheduleService schedules;
    private final ScheduleLoop scheduleLoop;

    /**
     * Starts building an engine for a deployment's functions on a store: the one way to make one,
     * used by the CDI runtime, the console, the benchmark and the test kit.
     *
     * @param registry the deployment's functions
     * @param store the persistence
     * @return a builder; {@link EngineBuilder#invoker} and {@link EngineBuilder#serializer} are required
     */
    public static EngineBuilder builder(FunctionRegistry registry, Store store) {
        return new EngineBuilder(registry, store);
    }

    DurableEngine(EngineBuilder from, EngineSettings settings) {
        this.registry = from.registry;
        this.settings = settings;
        this.store = from.store;
        this.serializer = from.serializer;
        this.boundary = from.boundary;
        this.threads = from.threads;
        this.outcomes = new Outcomes(serializer, settings.values().maxStackTraceChars());
        this.arguments = new ArgumentCodec(serializer, settings.values().maxArgumentChars());
        this.watchdog = new StepWatchdog(threads);
        Listeners notify = new Listeners(from.listeners);
        this.caching = new ResultCaching(store.cache(), boundary);
        this.batcher = new CompletionBatcher(store.completions(), settings.workerId(), threads);
        LocalRuns localRuns = new LocalRuns();
        ClaimControl control = new ClaimControl();
        EngineCore core = new EngineCore(registry, settings, serializer, outcomes, arguments, contexts, wakeups,
                notify, boundary, caching, control);
        TaskRunner runner = new TaskRunner(core, from.invoker, store, batcher, localRuns, running);
        this.worker = new Worker(settings, store.claims(), store.workers(), ClaimPlan.of(registry, settings.routing()),
                runner::run, this::deliverCancel, wakeups, threads, control);
        this.starter = new ExecutionStarter(store.executions(), arguments, boundary, wakeups, store.wakeups(), worker,
                localRuns,
                settings, from.traceContext);
        this.awaiter = new ResultAwaiter(store.executions(), boundary, wakeups);
        this.steps = new StepRunner(core, store.steps(), from.sleeper, watchdog);
        this.waits = new WaitRunner(store.steps(), store.signals(), serializer, outcomes, boundary, from.sleeper,
                settings.sleepBlockingLimit());
        this.children = new ChildRunner(store.executions(), store.steps(), starter, awaiter, outcomes, boundary,
                settings.awaitTimeout(), contexts);
        this.schedules = new ScheduleService(store.schedules(), registry, arguments, starter::announceWork);
        this.scheduleLoop = new ScheduleLoop(schedules, settings.scheduleInterval(), threads);
        this.dispatchedAsStep = registry.all().stream().filter(f -> mustDispatch(f, settings.routing()))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static boolean mustDispatch(FunctionDefinition function, WorkerRouting routing) {
        WorkerRouting.QueueLimit queueLimit = routing.queueLimits().get(function.queue());
        boolean queueLimited = queueLimit != null && (queueLimit.maxConcurrent() > 0 || queueLimit.ratePerSecond() > 0);
        boolean queueServedHere = routing.queues().isEmpty() || routing.queues().contains(function.queue());
        return function.routing().maxConcurrent() > 0 || queueLimited
                || !routing.tags().containsAll(function.routing().tags()) || !queueServedHere;
    }

    /** Starts listening for wake-ups and starts the worker. */
    public void start() {
        store.wakeups().start(threads, wakeups::workAvailable, wakeups::executionFinished);
        worker.start();
        scheduleLoop.start();
    }

    /** Drains and stops the worker, and stops listening. */
    public void stop() {
        scheduleLoop.stop();
        worker.stop();
        batcher.stop();
        watchdog.stop();
        store.wakeups().stop();
    }

    /**
     * The recurring schedules: declared at deployment, and managed by operators.
     *
     * @return the schedules
     */
    public ScheduleService schedules() {
        return schedules;
    }

    /**
     * The worker, for health and metrics.
     *
     * @return the worker
     */
    public Worker worker() {
        return worker;
    }

    /**
     * The deployment's functions.
     *
     * @return the registry
     */
    public FunctionRegistry registry() {
        return registry;
    }

    /**
     * Routes one intercepted call of a durable method: recorded inside a start lambda, started
     * and awaited outside an execution, run as the body when a worker invokes it, and run as a
     * step otherwise.
     *
     * @param function the called function
     * @param args the arguments
     * @param body runs the method's body
     * @return the result
     * @throws Exception what the body (or its recorded failure) threw
     */
    public Object intercept(FunctionDefinition function, Object[] args, Proceed body) throws Exception {
        if (capture.isCapturing()) {
            capture.record(function, args);
            return CallCapture.defaultValue(function.method().getReturnType());
        }
        DurableContext context = contexts.current();
        if (context == null) {
            if (function.cacheFor() != null) {
                java.util.Optional<String> cached = caching.lookUp(function, arguments.encode(function, args));
                if (cached.isPresent()) {
                    return outcomes.value(cached.get(), function.resultType());
                }
            }
            ExecutionStarter.Started started = starter.start(function, args, StartOptions.defaults(), true);
            ExecutionRecord finished = awaiter.awaitFinished(started, settings.awaitTimeout());
            return outcomes.valueOf(finished, function.resultType(), function.method());
        }
        if (context.takeBody(function)) {
            return body.proceed();
        }
        if (dispatchedAsStep.contains(function)) {
            // Its limits, tags or queue must hold for it as a step too: it runs as a child execution
            // on a worker that may run it, under its limits, and the caller waits (suspended) for it.
            return inWorkflow(() -> children.start(context, function, args)).get();
        }
        return steps.run(context, function, args, body);
    }

    /**
     * Runs a durable method's body inside its own transaction (called by the inner interceptor,
     * which sits after the transactional one): a step attempt writes its checkpoint in that
     * transaction, so its database effects and its record commit together, exactly once.
     *
     * @param function the called function
     * @param body runs the method's body
     * @return the result
     * @throws Exception what the body threw
     */
    public Object interceptInTransaction(FunctionDefinition function, Proceed body) throws Exception {
        return steps.runInTransaction(function, body);
    }

    @Override
    public <T> ExecutionHandle<T> start(DurableCall<T> call) {
        return start(call, StartOptions.defaults());
    }

    @Override
    public <T> ExecutionHandle<T> start(DurableCall<T> call, StartOptions options) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(options, "options");
        CallCapture.Captured captured = captureOne(call, "a start");
        FunctionDefinition function = captured.function();
        String id = starter.start(function, captured.args(), options);
        return handleFor(id, function);
    }

    @Override
    public <T> List<ExecutionHandle<T>> startAll(List<io.stent.StartRequest<T>> requests) {
        Objects.requireNonNull(requests, "requests");
        List<ExecutionStarter.Request> captured = new java.util.ArrayList<>(requests.size());
        for (io.stent.StartRequest<T> request : requests) {
            Objects.requireNonNull(request, "a request of the batch");
            CallCapture.Captured call = captureOne(request.call(), "a start");
            captured.add(new ExecutionStarter.Request(call.function(), call.args(), request.options()));
        }
        List<String> ids = starter.startAll(captured);
        List<ExecutionHandle<T>> handles = new java.util.ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            handles.add(handleFor(ids.get(i), captured.get(i).function()));
        }
        return handles;
    }

    @Override
    public boolean schedule(String name, io.stent.ScheduleSpec spec, DurableCall<?> call) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(call, "call");
        CallCapture.Captured captured = captureOne(call, "a schedule");
        return schedules.save(name, spec, captured.function(), captured.args(), false);
    }

    /** The one durable call a lambda makes; anything else is the caller's mistake, named. */
    private CallCapture.Captured captureOne(DurableCall<?> call, String what) {
        List<CallCapture.Captured> calls = capture.capture(call);
        if (calls.size() != 1) {
            throw new io.stent.StentArgumentException(EngineMessages.NOT_ONE_DURABLE_CALL, what, calls.size(),
                    (calls.isEmpty() ? " (is the method @Durable, and called on the injected proxy, not 'this'?)"
                    : ": " + calls.stream().map(c -> c.function().name()).toList()));
        }
        return calls.get(0);
    }

    @Override
    public ExecutionHandle<Object> startByName(String functionName, Object... args) {
        return startByName(functionName, StartOptions.defaults(), args);
    }

    @Override
    public ExecutionHandle<Object> startByName(String functionName, StartOptions options, Object... args) {
        Objects.requireNonNull(options, "options");
        FunctionDefinition function = registry.require(functionName);
        int expected = function.method().getParameterCount();
        if (args.length != expected) {
            throw new io.stent.StentArgumentException(EngineMessages.WRONG_ARGUMENT_COUNT, function.describe(), expected,
                    args.length);
        }
        return handleFor(starter.start(function, args, options), function);
    }

    @Override
    public <T> ExecutionHandle<T> handle(String executionId, Class<T> resultType) {
        ExecutionRecord record = awaiter.read(executionId);
        FunctionDefinition function = registry.require(record.functionName());
        return new StoredExecutionHandle<>(executionId, resultType, function.method(), awaiter, outcomes, this);
    }

    @Override
    public java.util.Optional<io.stent.ExecutionInfo> currentExecution() {
        DurableContext context = contexts.current();
        return context == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(context.info());
    }

    @Override
    public boolean inDurableContext() {
        return contexts.current() != null;
    }

    @Override
    public void signal(String executionId, String name, Object payload) {
        Objects.requireNonNull(executionId, "executionId");
        requireName(name);
        String data = arguments.checkPayload(serializer.serialize(payload,
                payload == null ? Object.class : payload.getClass()), name);
        SignalStore.Delivery delivery = boundary.outside(() -> store.signals().send(executionId, name, data));
        switch (delivery) {
            case NOT_FOUND -> throw new ExecutionNotFoundException(executionId);
            case FINISHED -> throw new ExecutionFinishedException(executionId, "signal '" + name + "'");
            default -> wakeups.workAvailable();
        }
    }

    @Override
    public void cancel(String executionId) {
        Objects.requireNonNull(executionId, "executionId");
        ExecutionStore.CancelOutcome outcome = boundary.outside(() -> store.executions().cancel(executionId));
        switch (outcome) {
            case NOT_FOUND -> throw new ExecutionNotFoundException(executionId);
            case FINISHED -> throw new ExecutionFinishedException(executionId, "cancel");
            case CANCELLED -> wakeups.executionFinished(executionId);
            case CANCELLING -> {
                deliverCancel(executionId);
                wakeups.workAvailable();
            }
            default -> { }
        }
        cancelChildren(executionId);
    }

    private void cancelChildren(String parentId) {
        List<String> active = boundary.outside(() -> store.executions().activeChildren(parentId));
        for (String child : active) {
            try {
                cancel(child);
            } catch (ExecutionFinishedException | ExecutionNotFoundException e) {
                // it finished meanwhile: nothing to cancel
            }
        }
    }

    @Override
    public <T> DurableFuture<T> async(DurableCall<T> call) {
        Objects.requireNonNull(call, "call");
        DurableContext context = requireContext("async");
        CallCapture.Captured captured = captureOne(call, "an async");
        return inWorkflow(() -> children.start(context, captured.function(), captured.args()));
    }

    @Override
    public void all(List<? extends DurableFuture<?>> futures) {
        Objects.requireNonNull(futures, "futures");
        DurableContext context = requireContext("all");
        inWorkflow(() -> {
            children.all(context, futures);
            return null;
        });
    }

    @Override
    public <T> DurableFuture<T> any(List<? extends DurableFuture<T>> futures) {
        Objects.requireNonNull(futures, "futures");
        DurableContext context = requireContext("any");
        return inWorkflow(() -> children.any(context, futures));
    }

    /**
     * Tells whether an execution runs on this instance and has received a cancel request (for
     * monitoring and tests).
     *
     * @param executionId the execution
     * @return true if it runs here and its cancel arrived
     */
    public boolean cancelReceived(String executionId) {
        ExecutionState state = running.get(executionId);
        return state != null && state.cancelRequested();
    }

    private void deliverCancel(String executionId) {
        ExecutionState state = running.get(executionId);
        if (state != null) {
            state.requestCancel();
        }
    }

    @Override
    public void sleep(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new io.stent.StentArgumentException(EngineMessages.NEGATIVE_WAIT, "sleep duration", duration);
        }
        DurableContext context = requireContext("sleep");
        inWorkflow(() -> {
            waits.sleep(context, duration);
            return null;
        });
    }

    @Override
    public <T> T awaitSignal(String name, Class<T> type, Duration timeout) {
        requireName(name);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new io.stent.StentArgumentException(EngineMessages.NEGATIVE_WAIT, "signal timeout", timeout);
        }
        DurableContext context = requireContext("awaitSignal");
        return type.cast(inWorkflow(() -> waits.awaitSignal(context, name, type, timeout)));
    }

    /**
     * Runs one of Stent's own operations inside a workflow: a failure of the server or the
     * database there ends the task's attempt without spending it, past the workflow's own catch
     * blocks.
     */
    private static <T> T inWorkflow(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            if (InfrastructureFailures.test(e)) {
                throw new InfrastructureFailure(e);
            }
            throw e;
        }
    }

    private DurableContext requireContext(String operation) {
        DurableContext context = contexts.current();
        if (context == null) {
            throw new io.stent.StentException(EngineMessages.OUTSIDE_EXECUTION, operation);
        }
        return context;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 150) {
            throw new io.stent.StentArgumentException(EngineMessages.BAD_SIGNAL_NAME, name);
        }
    }

    private <T> ExecutionHandle<T> handleFor(String id, FunctionDefinition function) {
        return new StoredExecutionHandle<>(id, function.resultType(), function.method(), awaiter, outcomes, this);
    }
}
