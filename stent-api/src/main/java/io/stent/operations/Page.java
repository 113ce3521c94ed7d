package io.stent.operations;

import java.util.List;

/**
 * One page of a sorted list. It does not count the whole list (that would scan every row on a
 * busy database); {@link #hasMore()} tells whether another page follows.
 *
 * @param items the rows of this page
 * @param offset the rows before it
 * @param hasMore whether rows follow it
 * @param <T> the row type
 */
public record Page<T>(List<T> items, int offset, boolean hasMore) {

    /**
     * Copies the items.
     */
    public Page {
        items = List.copyOf(items);
    }
}
