package io.stent.cdi.json;

import io.stent.cdi.RuntimeMessages;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * JSON-B instances lent out one caller at a time. Yasson (3.0.3 and 3.0.4, the version inside
 * Payara 6) mixes up values when one {@link Jsonb} serializes and deserializes on several
 * threads at once, so Stent never shares an instance between concurrent calls.
 */
final class JsonbPool implements AutoCloseable {

    private static final int KEPT = 64;

    private final ConcurrentLinkedDeque<Jsonb> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    <T> T with(Function<Jsonb, T> work) {
        Jsonb jsonb = idle.pollFirst();
        if (jsonb == null) {
            jsonb = JsonbBuilder.create();
        } else {
            idleCount.decrementAndGet();
        }
        try {
            return work.apply(jsonb);
        } finally {
            if (idleCount.incrementAndGet() <= KEPT) {
                idle.offerFirst(jsonb);
            } else {
                idleCount.decrementAndGet();
                closeQuietly(jsonb);
            }
        }
    }

    @Override
    public void close() {
        for (Jsonb jsonb = idle.pollFirst(); jsonb != null; jsonb = idle.pollFirst()) {
            closeQuietly(jsonb);
        }
    }

    private static void closeQuietly(Jsonb jsonb) {
        try {
            jsonb.close();
        } catch (Exception e) {
            throw new io.stent.StentException(RuntimeMessages.JSONB_CLOSE_FAILED, e);
        }
    }
}
