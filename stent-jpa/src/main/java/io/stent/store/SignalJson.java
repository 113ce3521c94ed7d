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
            throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_SIGNAL_NAME, name);
        }
        if (payload == null || payload.isBlank()) {
            return "null";
        }
        if (payload.length() > MAX_CHARS) {
            throw new io.stent.StentArgumentException(StoreMessages.PAYLOAD_TOO_LARGE, payload.length(), MAX_CHARS);
        }
        String problem = JsonShape.problem(payload);
        if (problem != null) {
            throw new io.stent.StentArgumentException(StoreMessages.PAYLOAD_NOT_JSON, problem);
        }
        return payload.trim();
    }
}
