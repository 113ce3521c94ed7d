package io.stent.engine;

import io.stent.engine.store.ResultCache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Caching of results by key for functions with {@code cacheFor}: the key is the function, its
 * version and a SHA-256 hash of the serialized arguments. A cache failure never fails the call:
 * it is logged and the body runs.
 */
final class ResultCaching {

    private static final Logger LOG = Logger.getLogger(ResultCaching.class.getName());

    private final ResultCache cache;
    private final TransactionBoundary boundary;

    ResultCaching(ResultCache cache, TransactionBoundary boundary) {
        this.cache = cache;
        this.boundary = boundary;
    }

    static String key(FunctionDefinition function, String arguments) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(arguments.getBytes(StandardCharsets.UTF_8));
            return function.name() + "@" + function.version() + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    Optional<String> lookUp(FunctionDefinition function, String arguments) {
        if (function.cacheFor() == null) {
            return Optional.empty();
        }
        try {
            return boundary.outside(() -> cache.get(key(function, arguments)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, EngineMessages.CACHE_READ_FAILED.format(function.name()), e);
            return Optional.empty();
        }
    }

    void store(FunctionDefinition function, String arguments, String result) {
        if (function.cacheFor() == null) {
            return;
        }
        try {
            boundary.outside(() -> {
                cache.put(key(function, arguments), function.name(), result, function.cacheFor());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, EngineMessages.CACHE_WRITE_FAILED.format(function.name()), e);
        }
    }
}
