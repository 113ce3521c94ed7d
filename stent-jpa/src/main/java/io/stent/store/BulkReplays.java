package io.stent.store;

import io.stent.operations.BulkReplayView;
import io.stent.operations.DeadLetterFilter;
import io.stent.operations.ReplayOutcome;
import io.stent.store.model.BulkReplayRow;
import io.stent.store.model.DeadLetterRow;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Bulk replays of dead letters: a row per replay with its filter, a cursor and its progress, and
 * the loop that works through the matching dead letters in chunks, oldest first. Each dead letter
 * is replayed in a transaction of its own, which marks it replayed; the cursor moves past each
 * chunk, so a replay restarted after a crash goes on after the last chunk it finished and never
 * tries a dead letter twice.
 */
public final class BulkReplays {

    /** How many dead letters a chunk takes. */
    static final int CHUNK = 100;

    private final StentPersistence persistence;
    private final DeadLetters deadLetters;

    BulkReplays(StentPersistence persistence, DeadLetters deadLetters) {
        this.persistence = persistence;
        this.deadLetters = deadLetters;
    }

    /**
     * Writes a new bulk replay, RUNNING, with how many dead letters match now.
     *
     * @param filter which dead letters (replayed ones never again)
     * @param actor who starts it
     * @return its view
     */
    public BulkReplayView create(DeadLetterFilter filter, String actor) {
        DeadLetterFilter pending = filter.pendingOnly();
        return persistence.inTransaction(manager -> {
            CriteriaBuilder cb = manager.getCriteriaBuilder();
            CriteriaQuery<Long> count = cb.createQuery(Long.class);
            Root<DeadLetterRow> letter = count.from(DeadLetterRow.class);
            count.select(cb.count(letter)).where(DeadLetters.matching(cb, letter, pending));
            long total = manager.createQuery(count).getSingleResult();
            BulkReplayRow row = BulkReplayRow.started(UUID.randomUUID().toString(), pending, total, actor,
                    DatabaseClock.now(manager));
            manager.persist(row);
            return row.view();
        });
    }

    /**
     * Works through a bulk replay until its dead letters are done, it is stopped (its status set to
     * STOPPING, or {@code stop} true), or it fails.
     *
     * @param id the bulk replay
     * @param stop asked between chunks
     * @return its view at the end
     */
    public BulkReplayView run(String id, BooleanSupplier stop) {
        while (true) {
            BulkReplayRow row = persistence.read(manager -> manager.find(BulkReplayRow.class, id));
            if (row == null) {
                throw new io.stent.StentArgumentException(StoreMessages.NO_BULK_REPLAY, id);
            }
            if (!row.status().equals("RUNNING")) {
                return finish(id, row.status().equals("STOPPING") ? "STOPPED" : row.status());
            }
            if (stop.getAsBoolean()) {
                return finish(id, "STOPPED");
            }
            List<Object[]> chunk = nextChunk(row);
            if (chunk.isEmpty()) {
                return finish(id, "COMPLETED");
            }
            long replayed = 0;
            for (Object[] letter : chunk) {
                if (deadLetters.replay((String) letter[0]) == ReplayOutcome.REPLAYED) {
                    replayed++;
                }
            }
            Object[] last = chunk.get(chunk.size() - 1);
            long done = replayed;
            persistence.inTransaction(manager -> {
                manager.find(BulkReplayRow.class, id, LockModeType.PESSIMISTIC_WRITE).progressed(done,
                        chunk.size() - done, (OffsetDateTime) last[1], (String) last[0], DatabaseClock.now(manager));
                return null;
            });
        }
    }

    /** The next dead letters after the cursor, oldest first: id and failure time. */
    private List<Object[]> nextChunk(BulkReplayRow row) {
        return persistence.read(manager -> {
            CriteriaBuilder cb = manager.getCriteriaBuilder();
            CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
            Root<DeadLetterRow> letter = query.from(DeadLetterRow.class);
            List<Predicate> where = new ArrayList<>(Arrays.asList(DeadLetters.matching(cb, letter, row.filter())));
            if (row.cursorAt() != null) {
                where.add(cb.or(cb.greaterThan(letter.get("failedAt"), row.cursorAt()),
                        cb.and(cb.equal(letter.get("failedAt"), row.cursorAt()),
                                cb.greaterThan(letter.get("id"), row.cursorId()))));
            }
            query.multiselect(letter.get("id"), letter.get("failedAt")).where(where.toArray(Predicate[]::new))
                    .orderBy(cb.asc(letter.get("failedAt")), cb.asc(letter.get("id")));
            return manager.createQuery(query).setMaxResults(CHUNK).getResultList();
        });
    }

    private BulkReplayView finish(String id, String status) {
        return persistence.inTransaction(manager -> {
            BulkReplayRow row = manager.find(BulkReplayRow.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (!row.status().equals(status)) {
                row.moveTo(status, DatabaseClock.now(manager));
            }
            return row.view();
        });
    }

    /**
     * Marks a bulk replay as failed (its job broke off with an error), unless it already ended.
     *
     * @param id the bulk replay
     */
    public void failed(String id) {
        persistence.inTransaction(manager -> {
            BulkReplayRow row = manager.find(BulkReplayRow.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null && (row.status().equals("RUNNING") || row.status().equals("STOPPING"))) {
                row.moveTo("FAILED", DatabaseClock.now(manager));
            }
            return null;
        });
    }

    /**
     * Asks a running bulk replay to stop after its chunk in progress.
     *
     * @param id the bulk replay
     * @return false if there is none, or it does not run
     */
    public boolean stop(String id) {
        return persistence.inTransaction(manager -> {
            BulkReplayRow row = manager.find(BulkReplayRow.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row == null || !row.status().equals("RUNNING")) {
                return false;
            }
            row.moveTo("STOPPING", DatabaseClock.now(manager));
            return true;
        });
    }

    /**
     * Makes a stopped, failed or broken-off (its server died) bulk replay run again from its
     * cursor. Even run twice at once, no dead letter is replayed twice: a replay marks it, and a
     * second try of it finds its execution no longer FAILED and skips it.
     *
     * @param id the bulk replay
     * @return false if there is none, or it ended COMPLETED
     */
    public boolean resume(String id) {
        return persistence.inTransaction(manager -> {
            BulkReplayRow row = manager.find(BulkReplayRow.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row == null || row.status().equals("COMPLETED")) {
                return false;
            }
            row.moveTo("RUNNING", DatabaseClock.now(manager));
            return true;
        });
    }

    /**
     * @param id the bulk replay
     * @return it, if it exists
     */
    public Optional<BulkReplayView> find(String id) {
        return persistence.read(manager -> Optional.ofNullable(manager.find(BulkReplayRow.class, id))
                .map(BulkReplayRow::view));
    }

    /**
     * @return the latest bulk replays, newest first (at most 50)
     */
    public List<BulkReplayView> latest() {
        return persistence.read(manager -> manager.createQuery("SELECT b FROM BulkReplayRow b"
                + " ORDER BY b.createdAt DESC, b.id", BulkReplayRow.class).setMaxResults(50).getResultList()
                .stream().map(BulkReplayRow::view).toList());
    }
}
