package io.stent.cdi;

import io.stent.spi.Serializer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.lang.reflect.Type;

/**
 * The default serializer: JSON-B, typed from the method's generic signature. Replace it with an
 * {@code @Alternative @Priority} bean of type {@link Serializer}. Thread-safe: each call borrows
 * its own JSON-B instance (see {@link JsonbPool}).
 */
@ApplicationScoped
public class JsonbSerializer implements Serializer {

    private final JsonbPool pool = new JsonbPool();
    /** Looked up once: {@code Json.createReader} would search the class path for it on every call. */
    private final JsonProvider json = JsonProvider.provider();

    @Override
    public String serialize(Object value, Type type) {
        if (value == null) {
            return "null";
        }
        try {
            Type declared = type == void.class || type == Void.class ? Object.class : type;
            return pool.with(jsonb -> jsonb.toJson(value, declared));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be written as JSON: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Object deserialize(String data, Type type) {
        if (data == null || data.equals("null") || type == void.class || type == Void.class) {
            return type instanceof Class<?> c && c.isPrimitive() ? primitiveDefault(c) : null;
        }
        try {
            return pool.with(jsonb -> jsonb.fromJson(data, type));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("stored JSON does not fit " + type.getTypeName() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String serializeArguments(Object[] args, Type[] types) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            try {
                json.append(serialize(args[i], types[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("argument " + i + " (" + types[i].getTypeName() + "): "
                        + e.getMessage(), e);
            }
        }
        return json.append(']').toString();
    }

    @Override
    public Object[] deserializeArguments(String data, Type[] types) {
        JsonArray array;
        try (JsonReader reader = json.createReader(new StringReader(data))) {
            array = reader.readArray();
        }
        if (array.size() != types.length) {
            throw new IllegalArgumentException("stored arguments have " + array.size() + " values but the method"
                    + " takes " + types.length + "; the function's signature changed under an execution in flight");
        }
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            JsonValue value = array.get(i);
            args[i] = deserialize(value.toString(), types[i]);
        }
        return args;
    }

    private static Object primitiveDefault(Class<?> type) {
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }

    @PreDestroy
    void close() {
        pool.close();
    }
}
