package io.stent.cdi.json;

import java.util.HashSet;
import java.util.Set;

/**
 * JSON text being written, and the classes met on the way whose round trip was not checked yet.
 */
final class JsonText {

    private final StringBuilder text = new StringBuilder(64);
    private final Set<Class<?>> verified;
    private Set<Class<?>> unverified;
    private int depth;

    JsonText(Set<Class<?>> verified) {
        this.verified = verified;
    }

    /** Notes a class whose values' round trip must be checked once. */
    void met(Class<?> type) {
        if (!verified.contains(type)) {
            if (unverified == null) {
                unverified = new HashSet<>();
            }
            unverified.add(type);
        }
    }

    Set<Class<?>> unverified() {
        return unverified == null ? Set.of() : unverified;
    }

    /** Guards against cycles: a value nested this deep is almost certainly one. */
    void enter() {
        if (++depth > 64) {
            throw new ValueException("values nest more than 64 levels deep; is there a cycle of references?");
        }
    }

    void leave() {
        depth--;
    }

    JsonText raw(String json) {
        text.append(json);
        return this;
    }

    JsonText raw(char c) {
        text.append(c);
        return this;
    }

    JsonText nullValue() {
        text.append("null");
        return this;
    }

    /** Writes a comma unless this is the first member or element. */
    void separate(boolean first) {
        if (!first) {
            text.append(',');
        }
    }

    JsonText string(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '\b' -> text.append("\\b");
                case '\f' -> text.append("\\f");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
