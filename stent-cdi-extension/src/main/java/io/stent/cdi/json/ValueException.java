package io.stent.cdi.json;

/**
 * A value that cannot be stored or read back, with the path to the part at fault, e.g.
 * {@code lines[2].amount}.
 */
public final class ValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    ValueException(String problem) {
        this("", problem, null);
    }

    ValueException(String problem, Throwable cause) {
        this("", problem, cause);
    }

    private ValueException(String path, String problem, Throwable cause) {
        super((path.isEmpty() ? "" : "at '" + path + "': ") + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /**
     * The same problem seen from the enclosing value.
     *
     * @param segment the enclosing value's step to this one: a field name, {@code [i]} or {@code {key}}
     * @return the exception with the longer path
     */
    ValueException within(String segment) {
        String longer = path.isEmpty() ? segment
                : segment + (path.startsWith("[") || path.startsWith("{") ? "" : ".") + path;
        ValueException wider = new ValueException(longer, problem, getCause());
        wider.setStackTrace(getStackTrace());
        return wider;
    }

    /**
     * The path to the part at fault, empty for the value itself.
     *
     * @return the path
     */
    public String path() {
        return path;
    }
}
