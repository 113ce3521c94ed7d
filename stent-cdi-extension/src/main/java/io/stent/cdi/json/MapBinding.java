package io.stent.cdi.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A map. With keys that have a text form (strings, numbers, booleans, characters, enums, UUIDs) it is
 * a JSON object; with other keys, a JSON array of {@code {"key": ..., "value": ...}} entries (the
 * form JSON-B uses). Read back into the declared class, or for an interface into a
 * {@code LinkedHashMap} ({@code TreeMap} for a sorted map).
 */
final class MapBinding implements Binding {

    private static final Map<Class<?>, Function<String, Object>> TEXT_KEYS = Map.of(
            String.class, text -> text,
            Integer.class, Integer::valueOf,
            Long.class, Long::valueOf,
            Short.class, Short::valueOf,
            Byte.class, Byte::valueOf,
            Boolean.class, Boolean::valueOf,
            Character.class, text -> text.charAt(0),
            UUID.class, UUID::fromString,
            java.math.BigInteger.class, java.math.BigInteger::new,
            java.math.BigDecimal.class, java.math.BigDecimal::new);

    private final Supplier<Map<Object, Object>> factory;
    private final Binding key;
    private final Binding value;
    /** Parses a key from its text form, or null when keys are written as entries. */
    private final Function<String, Object> textKey;

    private MapBinding(Supplier<Map<Object, Object>> factory, Binding key, Binding value,
                       Function<String, Object> textKey) {
        this.factory = factory;
        this.key = key;
        this.value = value;
        this.textKey = textKey;
    }

    /** The binding of a map type, or an unstorable one when no instance can be made. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Binding of(Class<?> raw, Class<?> keyClass, Binding key, Binding value) {
        Function<String, Object> textKey = TEXT_KEYS.get(keyClass);
        if (textKey == null && keyClass.isEnum()) {
            textKey = text -> Enum.valueOf((Class) keyClass, text);
        }
        Supplier<Map<Object, Object>> factory;
        if (raw.isAssignableFrom(LinkedHashMap.class)) {
            factory = LinkedHashMap::new;
        } else if (raw.isAssignableFrom(TreeMap.class)) {
            factory = TreeMap::new;
        } else if (raw == EnumMap.class && keyClass.isEnum()) {
            factory = () -> new EnumMap(keyClass);
        } else {
            try {
                var constructor = raw.getConstructor();
                factory = () -> {
                    try {
                        return (Map<Object, Object>) constructor.newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new ValueException("cannot create a " + raw.getName() + ": " + e, e);
                    }
                };
            } catch (NoSuchMethodException e) {
                return new UnstorableBinding(raw.getName() + " cannot be created to read it back; declare it as"
                        + " Map or a map class with a no-argument constructor");
            }
        }
        return new MapBinding(factory, key, value, textKey);
    }

    @Override
    public void write(JsonText out, Object map) {
        out.enter();
        out.raw(textKey != null ? '{' : '[');
        boolean first = true;
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) map).entrySet()) {
            out.separate(first);
            first = false;
            if (entry.getKey() == null) {
                throw new ValueException("a map key is null; JSON cannot store it");
            }
            String segment = "{" + entry.getKey() + "}";
            try {
                if (textKey != null) {
                    out.string(entry.getKey() instanceof Enum<?> e ? e.name() : entry.getKey().toString()).raw(':');
                } else {
                    out.raw("{\"key\":");
                    key.write(out, entry.getKey());
                    out.raw(",\"value\":");
                }
                ValueCodec.write(value, out, entry.getValue());
                if (textKey == null) {
                    out.raw('}');
                }
            } catch (ValueException e) {
                throw e.within(segment);
            }
        }
        out.raw(textKey != null ? '}' : ']');
        out.leave();
    }

    @Override
    public Object read(JsonValue json) {
        Map<Object, Object> map = factory.get();
        if (textKey != null && json instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                try {
                    map.put(textKey.apply(entry.getKey()), ValueCodec.read(value, entry.getValue()));
                } catch (ValueException e) {
                    throw e.within("{" + entry.getKey() + "}");
                } catch (RuntimeException e) {
                    throw new ValueException("the stored key '" + entry.getKey() + "' does not fit the map's key type: "
                            + e, e).within("{" + entry.getKey() + "}");
                }
            }
            return map;
        }
        if (textKey == null && json instanceof JsonArray entries) {
            for (int i = 0; i < entries.size(); i++) {
                try {
                    JsonObject entry = entries.getJsonObject(i);
                    map.put(ValueCodec.read(key, entry.get("key")), ValueCodec.read(value, entry.get("value")));
                } catch (ValueException e) {
                    throw e.within("[" + i + "]");
                } catch (RuntimeException e) {
                    throw new ValueException("stored entry is not {\"key\": ..., \"value\": ...}: " + e, e)
                            .within("[" + i + "]");
                }
            }
            return map;
        }
        throw new ValueException("stored " + Scalars.abbreviate(json.toString()) + " is not a map");
    }

    @Override
    public String difference(Object written, Object read) {
        Map<?, ?> a = (Map<?, ?>) written;
        Map<?, ?> b = (Map<?, ?>) read;
        if (b == null || a.size() != b.size()) {
            return "wrote " + a.size() + " entries, read back " + (b == null ? "null" : b.size());
        }
        if (textKey != null || a instanceof SortedMap<?, ?>) {
            for (Map.Entry<?, ?> entry : a.entrySet()) {
                if (!b.containsKey(entry.getKey())) {
                    return "the key " + entry.getKey() + " did not read back";
                }
                String difference = ValueCodec.difference(value, entry.getValue(), b.get(entry.getKey()));
                if (difference != null) {
                    return "{" + entry.getKey() + "}: " + difference;
                }
            }
            return null;
        }
        var others = b.entrySet().iterator();
        for (Map.Entry<?, ?> entry : a.entrySet()) {
            Map.Entry<?, ?> other = others.next();
            String difference = Objects.requireNonNullElse(ValueCodec.difference(key, entry.getKey(), other.getKey()),
                    Objects.requireNonNullElse(ValueCodec.difference(value, entry.getValue(), other.getValue()), ""));
            if (!difference.isEmpty()) {
                return "{" + entry.getKey() + "}: " + difference;
            }
        }
        return null;
    }
}
