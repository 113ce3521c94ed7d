package io.stent.cdi.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A collection: a JSON array of its elements, read back into the declared class, or for an
 * interface into a standard implementation ({@code ArrayList}, {@code LinkedHashSet},
 * {@code TreeSet}, {@code ArrayDeque}).
 */
final class CollectionBinding implements Binding {

    private final Supplier<Collection<Object>> factory;
    private final Binding element;
    private final boolean ordered;

    private CollectionBinding(Supplier<Collection<Object>> factory, Binding element, boolean ordered) {
        this.factory = factory;
        this.element = element;
        this.ordered = ordered;
    }

    /** The binding of a collection type, or an unstorable one when no instance can be made. */
    static Binding of(Class<?> raw, Binding element) {
        boolean ordered = !Set.class.isAssignableFrom(raw);
        Supplier<Collection<Object>> factory = factory(raw);
        return factory == null ? new UnstorableBinding(raw.getName() + " cannot be created to read it back; declare"
                + " the parameter as List, Set or a collection class with a no-argument constructor")
                : new CollectionBinding(factory, element, ordered);
    }

    @SuppressWarnings("unchecked")
    private static Supplier<Collection<Object>> factory(Class<?> raw) {
        if (raw.isAssignableFrom(ArrayList.class)) {
            return ArrayList::new;
        }
        if (raw.isAssignableFrom(LinkedHashSet.class)) {
            return LinkedHashSet::new;
        }
        if (raw.isAssignableFrom(TreeSet.class)) {
            return TreeSet::new;
        }
        if (raw.isAssignableFrom(ArrayDeque.class)) {
            return ArrayDeque::new;
        }
        try {
            var constructor = raw.getConstructor();
            return () -> {
                try {
                    return (Collection<Object>) constructor.newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new ValueException("cannot create a " + raw.getName() + ": " + e, e);
                }
            };
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public void write(JsonText out, Object value) {
        out.enter();
        out.raw('[');
        int i = 0;
        for (Object item : (Collection<?>) value) {
            out.separate(i == 0);
            try {
                ValueCodec.write(element, out, item);
            } catch (ValueException e) {
                throw e.within("[" + i + "]");
            }
            i++;
        }
        out.raw(']');
        out.leave();
    }

    @Override
    public Object read(JsonValue json) {
        if (!(json instanceof JsonArray items)) {
            throw new ValueException("stored " + Scalars.abbreviate(json.toString()) + " is not an array");
        }
        Collection<Object> collection = factory.get();
        for (int i = 0; i < items.size(); i++) {
            try {
                collection.add(ValueCodec.read(element, items.get(i)));
            } catch (ValueException e) {
                throw e.within("[" + i + "]");
            }
        }
        return collection;
    }

    @Override
    public String difference(Object written, Object read) {
        Collection<?> a = (Collection<?>) written;
        Collection<?> b = (Collection<?>) read;
        if (b == null || a.size() != b.size()) {
            return "wrote " + a.size() + " element(s), read back " + (b == null ? "null" : b.size());
        }
        if (ordered || a instanceof SortedSet<?>) {
            Iterator<?> other = b.iterator();
            int i = 0;
            for (Object item : a) {
                String difference = ValueCodec.difference(element, item, other.next());
                if (difference != null) {
                    return "[" + i + "]: " + difference;
                }
                i++;
            }
            return null;
        }
        List<Object> unmatched = new ArrayList<>(b);
        for (Object item : a) {
            if (!removeFirstMatch(unmatched, item)) {
                return "the element " + Scalars.abbreviate(String.valueOf(item)) + " did not read back";
            }
        }
        return null;
    }

    private boolean removeFirstMatch(List<Object> candidates, Object item) {
        for (Iterator<Object> it = candidates.iterator(); it.hasNext(); ) {
            if (ValueCodec.difference(element, item, it.next()) == null) {
                it.remove();
                return true;
            }
        }
        return false;
    }
}
