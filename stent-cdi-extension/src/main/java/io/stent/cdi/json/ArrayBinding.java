package io.stent.cdi.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import java.lang.reflect.Array;

/** An array, primitive or not: a JSON array of its elements. */
final class ArrayBinding implements Binding {

    private final Class<?> component;
    private final Binding element;

    ArrayBinding(Class<?> component, Binding element) {
        this.component = component;
        this.element = element;
    }

    @Override
    public void write(JsonText out, Object array) {
        out.enter();
        out.raw('[');
        int length = Array.getLength(array);
        for (int i = 0; i < length; i++) {
            out.separate(i == 0);
            try {
                ValueCodec.write(element, out, Array.get(array, i));
            } catch (ValueException e) {
                throw e.within("[" + i + "]");
            }
        }
        out.raw(']');
        out.leave();
    }

    @Override
    public Object read(JsonValue json) {
        if (!(json instanceof JsonArray items)) {
            throw new ValueException("stored " + Scalars.abbreviate(json.toString()) + " is not an array");
        }
        Object array = Array.newInstance(component, items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                Object value = ValueCodec.read(element, items.get(i));
                if (value != null || !component.isPrimitive()) {
                    Array.set(array, i, value);
                }
            } catch (ValueException e) {
                throw e.within("[" + i + "]");
            }
        }
        return array;
    }

    @Override
    public String difference(Object written, Object read) {
        if (read == null || Array.getLength(written) != Array.getLength(read)) {
            return "wrote " + Array.getLength(written) + " element(s), read back "
                    + (read == null ? "null" : Array.getLength(read));
        }
        for (int i = 0; i < Array.getLength(written); i++) {
            String difference = ValueCodec.difference(element, Array.get(written, i), Array.get(read, i));
            if (difference != null) {
                return "[" + i + "]: " + difference;
            }
        }
        return null;
    }
}
