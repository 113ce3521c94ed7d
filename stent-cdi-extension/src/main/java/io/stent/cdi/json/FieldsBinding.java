package io.stent.cdi.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class of the application: a JSON object of all its fields and its superclasses' fields, of
 * any visibility, final or not, except static and transient ones (and {@code @JsonbTransient}).
 * Getters and setters play no part, so value objects with private fields, differently named
 * accessors and no setters round-trip as they are. Read back into an instance made by
 * {@link Instantiator}, with each stored field set.
 */
final class FieldsBinding implements Binding {

    private final Class<?> type;
    private final Field[] fields;
    private final Member[] members;
    private final Instantiator instantiator;

    private FieldsBinding(Class<?> type, List<Field> fields, List<Member> members, Instantiator instantiator) {
        this.type = type;
        this.fields = fields.toArray(Field[]::new);
        this.members = members.toArray(Member[]::new);
        this.instantiator = instantiator;
    }

    /** The binding of an application class, or an unstorable one saying why it cannot be stored. */
    static Binding of(Type declared, Bindings bindings) {
        Class<?> type = Types.raw(declared);
        List<Field> fields = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        Map<String, Field> byName = new HashMap<>();
        Map<TypeVariable<?>, Type> arguments = Types.arguments(declared);
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            if (Bindings.isPlatform(c)) {
                return new UnstorableBinding(type.getName() + " extends " + c.getName()
                        + ", whose state Stent cannot store; pass a record or a class of your own");
            }
            for (Field field : c.getDeclaredFields()) {
                if (!stored(field)) {
                    continue;
                }
                String name = field.isAnnotationPresent(JsonbProperty.class)
                        && !field.getAnnotation(JsonbProperty.class).value().isEmpty()
                        ? field.getAnnotation(JsonbProperty.class).value() : field.getName();
                Field clash = byName.putIfAbsent(name, field);
                if (clash != null) {
                    return new UnstorableBinding("its field '" + name + "' in " + clash.getDeclaringClass().getName()
                            + " hides the field of the same name in " + c.getName() + "; rename one of them");
                }
                field.setAccessible(true);
                fields.add(field);
                members.add(new Member(name, Types.resolve(field.getGenericType(), arguments), bindings));
            }
            arguments = Types.superArguments(c, arguments);
        }
        try {
            return new FieldsBinding(type, fields, members, Instantiator.of(type));
        } catch (IllegalStateException e) {
            return new UnstorableBinding(e.getMessage());
        }
    }

    private static boolean stored(Field field) {
        int modifiers = field.getModifiers();
        return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                && !field.isAnnotationPresent(JsonbTransient.class)
                && !field.getName().startsWith("_persistence_"); // EclipseLink's woven bookkeeping
    }

    @Override
    public void write(JsonText out, Object value) {
        if (value.getClass() != type) {
            throw new ValueException("holds a " + value.getClass().getName() + " where " + type.getName()
                    + " is declared; the " + value.getClass().getSimpleName() + "'s own state and type would be"
                    + " lost. Declare the concrete type");
        }
        out.met(type);
        out.enter();
        out.raw('{');
        for (int i = 0; i < fields.length; i++) {
            out.separate(i == 0);
            members[i].write(out, get(fields[i], value));
        }
        out.raw('}');
        out.leave();
    }

    private static Object get(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new ValueException("cannot read field " + field.getName() + ": " + e, e);
        }
    }

    @Override
    public Object read(JsonValue json) {
        if (!(json instanceof JsonObject object)) {
            throw new ValueException("stored " + Scalars.abbreviate(json.toString()) + " is not a "
                    + type.getName());
        }
        Object instance = instantiator.newInstance();
        for (int i = 0; i < fields.length; i++) {
            if (!object.containsKey(members[i].name())) {
                continue; // stored before the field existed: it keeps what the constructor gave it
            }
            Object value = members[i].read(object);
            if (value == null && fields[i].getType().isPrimitive()) {
                continue;
            }
            try {
                fields[i].set(instance, value);
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw new ValueException("cannot set field " + fields[i].getName() + ": " + e, e)
                        .within(members[i].name());
            }
        }
        return instance;
    }

    @Override
    public String difference(Object written, Object read) {
        if (read == null || read.getClass() != written.getClass()) {
            return "wrote a " + written.getClass().getName() + ", read back " + read;
        }
        for (int i = 0; i < fields.length; i++) {
            String difference = members[i].difference(get(fields[i], written), get(fields[i], read));
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }
}
