package io.stent.cdi.json;

import jakarta.json.JsonValue;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A platform type with a JSON form of its own ({@code java.time}, {@code UUID}, {@code URI},
 * {@code Date} ...): written and read by JSON-B, compared with equals.
 */
final class JsonbLeafBinding implements Binding {

    private final Type type;
    private final Class<?> raw;
    private final JsonbPool jsonb;

    JsonbLeafBinding(Type type, JsonbPool jsonb) {
        this.type = type;
        this.raw = Types.raw(type);
        this.jsonb = jsonb;
    }

    @Override
    public void write(JsonText out, Object value) {
        out.met(value.getClass());
        try {
            out.raw(jsonb.with(j -> j.toJson(value, type)));
        } catch (RuntimeException e) {
            throw new ValueException("a " + value.getClass().getName() + " cannot be written as JSON: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public Object read(JsonValue json) {
        try {
            return jsonb.with(j -> j.fromJson(json.toString(), type));
        } catch (RuntimeException e) {
            throw new ValueException("stored " + Scalars.abbreviate(json.toString()) + " is not a " + raw.getName()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String difference(Object written, Object read) {
        return Objects.equals(written, read) ? null : "wrote " + Scalars.abbreviate(String.valueOf(written))
                + ", read back " + Scalars.abbreviate(String.valueOf(read));
    }
}
