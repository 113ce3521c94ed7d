package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_cache}: a function's result cached by key until it expires. */
@Entity
@Table(name = "stent_cache")
public class CacheEntryRow {

    @Id
    @Column(name = "cache_key", length = 300, nullable = false)
    private String cacheKey;
    @Column(name = "function_name", length = 200, nullable = false)
    private String functionName;
    @Column(name = "result")
    private String result;
    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** For the persistence provider. */
    protected CacheEntryRow() {
    }

    /** @return the cache key */
    public String cacheKey() {
        return cacheKey;
    }

    /** @return the function */
    public String functionName() {
        return functionName;
    }

    /** @return the serialized result */
    public String result() {
        return result;
    }

    /** @return when it expires */
    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    /** @return when it was cached */
    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
