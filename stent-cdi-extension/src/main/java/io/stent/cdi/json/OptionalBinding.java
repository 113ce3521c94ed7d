package io.stent.cdi.json;

import jakarta.json.JsonValue;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** {@code Optional<T>} and the primitive optionals: the value, or JSON null when empty. */
final class OptionalBinding implements Binding {

    private final Class<?> kind;
    private final Binding value;

    OptionalBinding(Class<?> kind, Binding value) {
        this.kind = kind;
        this.value = value;
    }

    @Override
    public void write(JsonText out, Object optional) {
        Object present = unwrap(optional);
        if (present == null) {
            out.nullValue();
        } else {
            value.write(out, present);
        }
    }

    private Object unwrap(Object optional) {
        if (optional instanceof Optional<?> o) {
            return o.orElse(null);
        }
        if (optional instanceof OptionalInt o) {
            return o.isPresent() ? o.getAsInt() : null;
        }
        if (optional instanceof OptionalLong o) {
            return o.isPresent() ? o.getAsLong() : null;
        }
        OptionalDouble o = (OptionalDouble) optional;
        return o.isPresent() ? o.getAsDouble() : null;
    }

    @Override
    public Object read(JsonValue json) {
        Object present = value.read(json);
        if (kind == OptionalInt.class) {
            return OptionalInt.of((Integer) present);
        }
        if (kind == OptionalLong.class) {
            return OptionalLong.of((Long) present);
        }
        if (kind == OptionalDouble.class) {
            return OptionalDouble.of((Double) present);
        }
        return Optional.ofNullable(present);
    }

    @Override
    public Object nullValue() {
        if (kind == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (kind == OptionalLong.class) {
            return OptionalLong.empty();
        }
        if (kind == OptionalDouble.class) {
            return OptionalDouble.empty();
        }
        return Optional.empty();
    }

    @Override
    public String difference(Object written, Object read) {
        Object a = unwrap(written);
        Object b = read == null ? null : unwrap(read);
        if (a == null || b == null) {
            return a == b ? null : "wrote " + written + ", read back " + read;
        }
        return value.difference(a, b);
    }
}
