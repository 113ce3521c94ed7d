package io.stent.cdi.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Map;

/** A record: a JSON object of its components, read back through its canonical constructor. */
final class RecordBinding implements Binding {

    private final Class<?> type;
    private final Member[] members;
    private final Method[] accessors;
    private final Constructor<?> constructor;

    RecordBinding(Type declared, Bindings bindings) {
        this.type = Types.raw(declared);
        Map<TypeVariable<?>, Type> arguments = Types.arguments(declared);
        RecordComponent[] components = type.getRecordComponents();
        members = new Member[components.length];
        accessors = new Method[components.length];
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            members[i] = new Member(components[i].getName(),
                    Types.resolve(components[i].getGenericType(), arguments), bindings);
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true);
            parameterTypes[i] = components[i].getType();
        }
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    @Override
    public void write(JsonText out, Object value) {
        out.met(type);
        out.enter();
        out.raw('{');
        for (int i = 0; i < members.length; i++) {
            out.separate(i == 0);
            members[i].write(out, component(value, i));
        }
        out.raw('}');
        out.leave();
    }

    private Object component(Object record, int i) {
        try {
            return accessors[i].invoke(record);
        } catch (InvocationTargetException e) {
            throw new ValueException("its accessor " + members[i].name() + "() threw " + e.getCause(), e.getCause())
                    .within(members[i].name());
        } catch (IllegalAccessException e) {
            throw new ValueException("cannot read " + type.getName() + "." + members[i].name() + ": " + e, e);
        }
    }

    @Override
    public Object read(JsonValue json) {
        if (!(json instanceof JsonObject object)) {
            throw new ValueException("stored " + Scalars.abbreviate(json.toString()) + " is not a "
                    + type.getName());
        }
        Object[] values = new Object[members.length];
        for (int i = 0; i < members.length; i++) {
            values[i] = members[i].read(object);
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new ValueException("the constructor of " + type.getName() + " refused the stored values: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new ValueException("cannot create a " + type.getName() + ": " + e, e);
        }
    }

    @Override
    public String difference(Object written, Object read) {
        if (read == null || read.getClass() != written.getClass()) {
            return "wrote a " + written.getClass().getName() + ", read back " + read;
        }
        for (int i = 0; i < members.length; i++) {
            String difference = members[i].difference(component(written, i), component(read, i));
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }
}
