package io.stent.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A row of {@code stent_limit}: the lock row and token bucket of a concurrency or rate limit. */
@Entity
@Table(name = "stent_limit")
public class LimitRow {

    @Id
    @Column(name = "name", length = 300, nullable = false)
    private String name;
    @Column(name = "tokens", nullable = false)
    private double tokens;
    @Column(name = "refilled_at", nullable = false)
    private OffsetDateTime refilledAt;

    /** For the persistence provider. */
    protected LimitRow() {
    }

    /** @return the limit's name */
    public String name() {
        return name;
    }

    /** @return the tokens left at the last refill */
    public double tokens() {
        return tokens;
    }

    /** @return when the bucket was last refilled */
    public OffsetDateTime refilledAt() {
        return refilledAt;
    }
}
