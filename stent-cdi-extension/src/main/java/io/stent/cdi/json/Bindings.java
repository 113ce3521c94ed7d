package io.stent.cdi.json;

import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the binding of a declared type, once: every later value of the type reuses it.
 */
final class Bindings {

    private final Map<Type, Binding> cache = new ConcurrentHashMap<>();
    private final JsonbPool jsonb;
    private final DynamicBinding dynamic = new DynamicBinding(this);

    Bindings(JsonbPool jsonb) {
        this.jsonb = jsonb;
    }

    Binding of(Type type) {
        Binding found = cache.get(type);
        if (found != null) {
            return found;
        }
        // Not computeIfAbsent: creating a binding may look up the bindings it contains.
        Binding created = create(type);
        Binding raced = cache.putIfAbsent(type, created);
        return raced != null ? raced : created;
    }

    /** Tells whether a class belongs to the Java platform or the server rather than the application. */
    static boolean isPlatform(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta.")
                || name.startsWith("jdk.") || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    private Binding create(Type type) {
        Class<?> raw = Types.raw(type);
        Binding scalar = Scalars.of(raw);
        if (scalar != null) {
            return scalar;
        }
        if (raw == Object.class || raw == void.class || raw == Void.class) {
            return dynamic;
        }
        if (raw.isEnum() || raw.getSuperclass() != null && raw.getSuperclass().isEnum()) {
            return new EnumBinding(raw.isEnum() ? raw : raw.getSuperclass());
        }
        if (raw == Optional.class) {
            return new OptionalBinding(raw, of(Types.argumentOf(type, Optional.class, 0)));
        }
        if (raw == OptionalInt.class || raw == OptionalLong.class || raw == OptionalDouble.class) {
            return new OptionalBinding(raw, of(raw == OptionalInt.class ? Integer.class
                    : raw == OptionalLong.class ? Long.class : Double.class));
        }
        if (raw.isArray()) {
            Type component = type instanceof java.lang.reflect.GenericArrayType array
                    ? array.getGenericComponentType() : raw.getComponentType();
            return new ArrayBinding(raw.getComponentType(), of(component));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return CollectionBinding.of(raw, of(Types.argumentOf(type, Collection.class, 0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type key = Types.argumentOf(type, Map.class, 0);
            return MapBinding.of(raw, Types.raw(key), of(key), of(Types.argumentOf(type, Map.class, 1)));
        }
        if (raw.isRecord()) {
            return new RecordBinding(type, this);
        }
        String unstorable = unstorable(raw);
        if (unstorable != null) {
            return new UnstorableBinding(unstorable);
        }
        if (isPlatform(raw)) {
            return new JsonbLeafBinding(type, jsonb);
        }
        return FieldsBinding.of(type, this);
    }

    private static String unstorable(Class<?> raw) {
        String name = raw.getName();
        if (name.startsWith("java.io.") || name.startsWith("java.sql.") || name.startsWith("java.nio.channels.")
                || Thread.class.isAssignableFrom(raw) || name.startsWith("jakarta.persistence.EntityManager")
                || java.util.concurrent.Future.class.isAssignableFrom(raw) || Runnable.class.isAssignableFrom(raw)
                || java.util.stream.BaseStream.class.isAssignableFrom(raw)
                || java.util.function.Function.class.isAssignableFrom(raw)
                || java.util.function.Supplier.class.isAssignableFrom(raw)
                || java.util.function.Consumer.class.isAssignableFrom(raw)) {
            return "a " + name + " is a resource or behaviour, not data; pass an id or a value instead";
        }
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            return name + " is an interface or abstract class, so what to read back is unknown; declare a concrete"
                    + " type";
        }
        if (raw.isAnonymousClass() || raw.isLocalClass() || raw.isHidden() || raw.isSynthetic()) {
            return name + " is an anonymous, local or generated class; use a named class or a record";
        }
        if (raw.isMemberClass() && !Modifier.isStatic(raw.getModifiers())) {
            return name + " is an inner (non-static) class; make it static or a record";
        }
        return null;
    }
}
