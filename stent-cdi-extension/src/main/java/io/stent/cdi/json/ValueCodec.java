package io.stent.cdi.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores values as JSON, typed by their declared (generic) type: strings, numbers, booleans,
 * enums, optionals, arrays, collections and maps; records by their components; classes of the
 * application by their fields; other platform types through JSON-B.
 * <p>
 * The first value of each class of the application (and each platform type) that is written is
 * read back at once and compared with the original, field by field: a type that does not survive
 * the round trip is refused where it is written, with the path to the field that would be lost,
 * instead of being stored and silently read back wrong. A class that passed is not checked again.
 */
public final class ValueCodec implements AutoCloseable {

    private final JsonbPool jsonb = new JsonbPool();
    private final Bindings bindings = new Bindings(jsonb);
    private final Set<Class<?>> verified = ConcurrentHashMap.newKeySet();
    /** Looked up once: {@code Json.createReader} would search the class path for it on every call. */
    private final JsonProvider json = JsonProvider.provider();

    /**
     * Writes a value.
     *
     * @param value the value, may be null
     * @param type its declared type
     * @return the JSON text
     * @throws ValueException naming the part of the value that cannot be stored or read back
     */
    public String write(Object value, Type type) {
        Binding binding = bindings.of(type);
        JsonText out = new JsonText(verified);
        write(binding, out, value);
        String text = out.toString();
        verify(out, () -> difference(binding, value, read(binding, parse(text))));
        return text;
    }

    /**
     * Writes several values as one JSON array, each with its declared type.
     *
     * @param values the values
     * @param types their declared types
     * @return the JSON text
     * @throws ValueException naming the value ({@code [i]}) and its part at fault
     */
    public String writeAll(Object[] values, Type[] types) {
        Binding[] all = new Binding[values.length];
        JsonText out = new JsonText(verified);
        out.raw('[');
        for (int i = 0; i < values.length; i++) {
            all[i] = bindings.of(types[i]);
            out.separate(i == 0);
            try {
                write(all[i], out, values[i]);
            } catch (ValueException e) {
                throw e.within("[" + i + "]");
            }
        }
        out.raw(']');
        String text = out.toString();
        verify(out, () -> {
            JsonArray back = parse(text).asJsonArray();
            for (int i = 0; i < values.length; i++) {
                String difference = difference(all[i], values[i], read(all[i], back.get(i)));
                if (difference != null) {
                    return "[" + i + "]: " + difference;
                }
            }
            return null;
        });
        return text;
    }

    private void verify(JsonText out, java.util.function.Supplier<String> difference) {
        if (out.unverified().isEmpty()) {
            return;
        }
        String found;
        try {
            found = difference.get();
        } catch (ValueException e) {
            found = e.getMessage();
        }
        if (found != null) {
            throw new ValueException("it does not read back as it was written (" + found + "). Stent stores the"
                    + " fields of your classes, records' components and JSON-B's form of platform types; make the"
                    + " part at fault one of these, or mark it transient if it need not be stored");
        }
        verified.addAll(out.unverified());
    }

    /**
     * Reads a value.
     *
     * @param text the JSON text; null reads as null
     * @param type the declared type
     * @return the value
     * @throws ValueException naming the part that does not fit the type
     */
    public Object read(String text, Type type) {
        Binding binding = bindings.of(type);
        return text == null ? binding.nullValue() : read(binding, parse(text));
    }

    /**
     * Reads the values of a JSON array, each with its declared type.
     *
     * @param text the JSON text
     * @param types the declared types
     * @return the values
     * @throws ValueException naming the value and its part that does not fit
     */
    public Object[] readAll(String text, Type[] types) {
        JsonValue parsed = parse(text);
        if (!(parsed instanceof JsonArray array)) {
            throw new ValueException("stored arguments " + Scalars.abbreviate(text) + " are not a JSON array");
        }
        if (array.size() != types.length) {
            throw new ValueException("stored arguments have " + array.size() + " values but the method takes "
                    + types.length + "; the function's signature changed under an execution in flight");
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            try {
                values[i] = read(bindings.of(types[i]), array.get(i));
            } catch (ValueException e) {
                throw e.within("[" + i + "]");
            }
        }
        return values;
    }

    private JsonValue parse(String text) {
        try (JsonReader reader = json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonParsingException e) {
            throw new ValueException("stored text is not JSON: " + Scalars.abbreviate(text), e);
        }
    }

    static void write(Binding binding, JsonText out, Object value) {
        if (value == null) {
            out.nullValue();
        } else {
            binding.write(out, value);
        }
    }

    static Object read(Binding binding, JsonValue json) {
        return json == null || json.getValueType() == JsonValue.ValueType.NULL ? binding.nullValue()
                : binding.read(json);
    }

    static String difference(Binding binding, Object written, Object read) {
        if (written == null) {
            return read == null || read.equals(binding.nullValue()) ? null : "wrote null, read back " + read;
        }
        return binding.difference(written, read);
    }

    @Override
    public void close() {
        jsonb.close();
    }
}
