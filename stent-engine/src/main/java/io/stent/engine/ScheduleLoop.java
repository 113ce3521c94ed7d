package io.stent.engine;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs schedule rounds on one thread of this instance, one per interval, until stopped. A failed
 * round (the database away) is logged, at most once a minute, and the next round tries again; no
 * fire time is lost by it, since a schedule's next fire time only moves with the executions it
 * starts.
 */
final class ScheduleLoop {

    private static final Logger LOG = Logger.getLogger(ScheduleLoop.class.getName());

    private final ScheduleService schedules;
    private final Duration interval;
    private final ThreadFactory threads;
    private final StopSignal stop = new StopSignal();
    private long lastFailureLog;
    private Thread thread;

    ScheduleLoop(ScheduleService schedules, Duration interval, ThreadFactory threads) {
        this.schedules = schedules;
        this.interval = interval;
        this.threads = threads;
    }

    synchronized void start() {
        thread = threads.newThread(this::loop);
        thread.setName("stent-schedules");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (stop.pause(interval)) {
            try {
                schedules.runRound();
            } catch (RuntimeException e) {
                long now = System.nanoTime();
                if (now - lastFailureLog > Duration.ofMinutes(1).toNanos() || lastFailureLog == 0) {
                    lastFailureLog = now;
                    LOG.log(Level.WARNING, EngineMessages.SCHEDULE_ROUND_FAILED.format(), e);
                }
            }
        }
    }

    /** Stops the loop after the round in progress, waiting for it at most a few seconds. */
    void stop() {
        stop.stop();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            try {
                running.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
