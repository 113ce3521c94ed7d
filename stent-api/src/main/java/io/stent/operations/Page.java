package io.stent.operations;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of a sorted list. It does not count the whole list (that would scan every row on a
 * busy database); {@link #hasMore()} tells whether another page follows.
 *
 * @param items the rows of this page
 * @param offset the rows before it
 * @param hasMore whether rows follow it
 * @param searchedTo null when the whole list was searched; otherwise the search of a filter no
 *     index serves (executions by status) stopped after {@link #SEARCH_BUDGET} executions, at
 *     those created at this time: newest first, older ones were not searched (ask again with
 *     {@code createdBefore} set to it); oldest first, newer ones were not (ask again from it)
 * @param <T> the row type
 */
public record Page<T>(List<T> items, int offset, boolean hasMore, OffsetDateTime searchedTo) {

    /** How many executions a search by status reads at most per call, newest (or oldest) first. */
    public static final int SEARCH_BUDGET = 100_000;

    /**
     * Copies the items.
     */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * A page of a list searched whole.
     *
     * @param items the rows of this page
     * @param offset the rows before it
     * @param hasMore whether rows follow it
     */
    public Page(List<T> items, int offset, boolean hasMore) {
        this(items, offset, hasMore, null);
    }
}
