package io.stent.store;

/**
 * Checks a signal given as JSON before it is stored: its name, its size, and that it is one JSON
 * value, checked by {@link JsonShape} (the store takes no JSON library).
 */
final class SignalJson {

    /** The largest payload accepted, in characters. */
    static final int MAX_CHARS = 256 * 1024;

    private SignalJson() {
    }

    static String check(String name, String payload) {
        if (name == null || name.isBlank() || name.length() > 150) {
            throw new IllegalArgumentException("STENT-1112 a signal name must be 1 to 150 characters, got '"
                    + name + "'");
        }
        if (payload == null || payload.isBlank()) {
            return "null";
        }
        if (payload.length() > MAX_CHARS) {
            throw new IllegalArgumentException("STENT-1715 the signal payload has " + payload.length()
                    + " characters; at most " + MAX_CHARS + " are accepted");
        }
        String problem = JsonShape.problem(payload);
        if (problem != null) {
            throw new IllegalArgumentException("STENT-1716 the signal payload is not one JSON value: " + problem);
        }
        return payload.trim();
    }
}
