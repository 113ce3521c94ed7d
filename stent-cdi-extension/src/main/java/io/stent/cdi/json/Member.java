package io.stent.cdi.json;

import java.lang.reflect.Type;

/**
 * One stored member of a record or class: its JSON name and declared type, and its binding, found
 * on first use (a class may refer to itself).
 */
final class Member {

    private final String name;
    private final Type type;
    private final Bindings bindings;
    private volatile Binding binding;

    Member(String name, Type type, Bindings bindings) {
        this.name = name;
        this.type = type;
        this.bindings = bindings;
    }

    String name() {
        return name;
    }

    Binding binding() {
        Binding found = binding;
        if (found == null) {
            found = bindings.of(type);
            binding = found;
        }
        return found;
    }

    /** Writes {@code "name":value}. */
    void write(JsonText out, Object value) {
        out.string(name).raw(':');
        try {
            ValueCodec.write(binding(), out, value);
        } catch (ValueException e) {
            throw e.within(name);
        }
    }

    /** Reads the member's value from an object; absent is read as JSON null. */
    Object read(jakarta.json.JsonObject object) {
        try {
            return ValueCodec.read(binding(), object.getOrDefault(name, jakarta.json.JsonValue.NULL));
        } catch (ValueException e) {
            throw e.within(name);
        }
    }

    /** The difference of the member's written and read values, prefixed with its name; null if none. */
    String difference(Object written, Object read) {
        String difference = ValueCodec.difference(binding(), written, read);
        return difference == null ? null : name + ": " + difference;
    }
}
