package io.stent;

import java.util.Objects;
import java.util.Optional;

/**
 * Options for {@link Stent#start(DurableCall, StartOptions)}. Immutable; each {@code with}
 * method returns a copy.
 */
public final class StartOptions {

    private static final StartOptions DEFAULTS = new StartOptions(null);

    private final String idempotencyKey;

    private StartOptions(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    /**
     * The default options: no idempotency key.
     *
     * @return the defaults
     */
    public static StartOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns options with an idempotency key: a second start with the same key returns the
     * first execution instead of starting another.
     *
     * @param key a non-blank key of at most 200 characters
     * @return the new options
     * @throws IllegalArgumentException if the key is blank or too long
     */
    public StartOptions withIdempotencyKey(String key) {
        Objects.requireNonNull(key, "idempotency key");
        if (key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException(
                    "STENT-1101 idempotency key must be 1 to 200 non-blank characters, got '" + key + "'");
        }
        return new StartOptions(key);
    }

    /**
     * The idempotency key, if one was set.
     *
     * @return the key
     */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }
}
