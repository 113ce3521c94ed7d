package io.stent.engine;

import io.stent.StepTimeoutException;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Enforces per-attempt step timeouts: interrupts the worker thread when an attempt overruns and
 * turns the attempt's outcome into a {@link StepTimeoutException}. The body runs on the worker's
 * own thread, so its transaction and context stay intact.
 */
final class StepWatchdog {

    private final ThreadFactory threads;
    private ScheduledExecutorService scheduler;

    StepWatchdog(ThreadFactory threads) {
        this.threads = threads;
    }

    Object run(FunctionDefinition function, String position, Proceed body) throws Exception {
        Duration timeout = function.timeout();
        if (timeout == null) {
            return body.proceed();
        }
        Thread worker = Thread.currentThread();
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = scheduler().schedule(() -> {
            fired.set(true);
            worker.interrupt();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        Object result;
        try {
            result = body.proceed();
        } catch (Exception e) {
            if (disarm(alarm, fired)) {
                throw timedOut(function, position, timeout, e);
            }
            throw e;
        }
        if (disarm(alarm, fired)) {
            throw timedOut(function, position, timeout, null);
        }
        return result;
    }

    /** Cancels the alarm; returns whether it fired, clearing the interrupt it caused. */
    private static boolean disarm(ScheduledFuture<?> alarm, AtomicBoolean fired) {
        alarm.cancel(false);
        if (fired.get()) {
            Thread.interrupted();
            return true;
        }
        return false;
    }

    private static StepTimeoutException timedOut(FunctionDefinition function, String position, Duration timeout,
                                                 Exception cause) {
        StepTimeoutException timeoutException = new StepTimeoutException("step " + position + " "
                + function.name() + " ran longer than its timeout of " + timeout);
        if (cause != null) {
            timeoutException.addSuppressed(cause);
        }
        return timeoutException;
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        }
        return scheduler;
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
