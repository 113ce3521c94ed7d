package io.stent.operations;

/**
 * Which page of a sorted list to read.
 *
 * @param offset rows to skip, at least 0
 * @param limit rows to read, 1 to {@value #MAX_LIMIT}
 * @param ascending whether the sort runs oldest (or A) first
 */
public record PageRequest(int offset, int limit, boolean ascending) {

    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    /**
     * Checks the bounds.
     *
     * @throws io.stent.StentArgumentException naming the bad value
     */
    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new io.stent.StentArgumentException(io.stent.ApiMessages.BAD_NUMBER, "limit", limit, 1, MAX_LIMIT);
        }
        if (offset < 0) {
            throw new io.stent.StentArgumentException(io.stent.ApiMessages.BAD_NUMBER, "offset", offset, 0,
                    Integer.MAX_VALUE);
        }
    }

    /**
     * The first page, newest (or last) first.
     *
     * @param limit rows to read
     * @return the request
     */
    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, false);
    }
}
