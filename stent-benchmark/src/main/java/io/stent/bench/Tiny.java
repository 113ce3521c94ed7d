package io.stent.bench;

import io.stent.Durable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tiny executions for W2, and the first-step marker for W3. */
@ApplicationScoped
public class Tiny {

    private final Map<Integer, Long> firstStepAt = new ConcurrentHashMap<>();
    private final Map<Integer, java.time.Instant> firstStepWallClock = new ConcurrentHashMap<>();

    private final java.util.concurrent.atomic.AtomicInteger samples = new java.util.concurrent.atomic.AtomicInteger(
            1_000_000);

    @Inject
    Tiny self;

    /**
     * A W3 sample number not used before in this deployment.
     *
     * @return the number
     */
    public int nextSample() {
        return samples.getAndIncrement();
    }

    /**
     * When a W3 sample's first step started running.
     *
     * @param sample the sample number
     * @return the JVM's nano time, or null if it has not run
     */
    public Long firstStepAt(int sample) {
        return firstStepAt.get(sample);
    }

    /**
     * When a sample's first step started running, by the wall clock (for starts made in another
     * process on the same machine).
     *
     * @param sample the sample number
     * @return the instant, or null if it has not run
     */
    public java.time.Instant firstStepWallClock(int sample) {
        return firstStepWallClock.get(sample);
    }

    /**
     * Does nothing (W2).
     *
     * @param n the input
     * @return the input
     */
    @Durable(name = "bench.tiny")
    public int tiny(int n) {
        return n;
    }

    /**
     * A workflow whose first step notes when it runs (W3).
     *
     * @param sample the sample number
     * @return the sample number
     */
    @Durable(name = "bench.first")
    public int first(int sample) {
        return self.mark(sample);
    }

    /**
     * Notes the time.
     *
     * @param sample the sample number
     * @return the sample number
     */
    @Durable(name = "bench.mark")
    public int mark(int sample) {
        firstStepAt.putIfAbsent(sample, System.nanoTime());
        firstStepWallClock.putIfAbsent(sample, java.time.Instant.now());
        return sample;
    }
}
