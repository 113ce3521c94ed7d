package io.stent.cdi.json;

import jakarta.json.JsonValue;

/**
 * A declared type whose values cannot be stored and read back (an interface, an abstract class,
 * {@code Object} inside a value, a resource). Null is fine; any other value is refused with the
 * reason, before anything is stored.
 */
final class UnstorableBinding implements Binding {

    private final String reason;

    UnstorableBinding(String reason) {
        this.reason = reason;
    }

    @Override
    public void write(JsonText out, Object value) {
        throw new ValueException("a " + value.getClass().getName() + " cannot be stored here: " + reason);
    }

    @Override
    public Object read(JsonValue json) {
        throw new ValueException("the stored value cannot be read back: " + reason);
    }

    @Override
    public String difference(Object written, Object read) {
        return reason;
    }
}
