package io.stent.cdi.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code Object} as the declared type of a whole value (a signal payload, a void result): written
 * by the value's own class; read back as plain JSON data (maps, lists, strings, BigDecimals,
 * booleans), as JSON-B does.
 */
final class DynamicBinding implements Binding {

    private final Bindings bindings;

    DynamicBinding(Bindings bindings) {
        this.bindings = bindings;
    }

    @Override
    public void write(JsonText out, Object value) {
        out.met(value.getClass());
        bindings.of(value.getClass()).write(out, value);
    }

    @Override
    public Object read(JsonValue json) {
        return plain(json);
    }

    private static Object plain(JsonValue json) {
        switch (json.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) json).forEach((key, value) -> map.put(key, plain(value)));
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) json).forEach(value -> list.add(plain(value)));
                return list;
            }
            case STRING -> {
                return ((JsonString) json).getString();
            }
            case NUMBER -> {
                return ((JsonNumber) json).bigDecimalValue();
            }
            case TRUE -> {
                return Boolean.TRUE;
            }
            case FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }

    @Override
    public String difference(Object written, Object read) {
        return Objects.equals(written, read) ? null : "a value declared as Object reads back as plain JSON data ("
                + (read == null ? "null" : read.getClass().getName()) + "), not as the "
                + written.getClass().getName() + " written; declare its type";
    }
}
