package io.stent.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The data an exception carries in fields of its own, for the dead-letter record: an
 * {@code InsufficientFundsException} with {@code accountId} and {@code missingCents} keeps them.
 */
final class OwnFields {

    private OwnFields() {
    }

    static Map<String, String> of(Throwable failure, Function<Object, String> render) {
        Map<String, String> fields = new TreeMap<>();
        for (Class<?> type = failure.getClass(); type != null && type != Throwable.class
                && type != Exception.class && type != RuntimeException.class && type != Error.class;
             type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(failure);
                    String text = value == null ? "null" : render.apply(value);
                    if (text != null) {
                        fields.putIfAbsent(field.getName(), text);
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    fields.putIfAbsent(field.getName(), "(not readable: " + e.getClass().getSimpleName() + ")");
                }
            }
        }
        return fields;
    }
}
