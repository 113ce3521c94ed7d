package io.stent.engine;

import io.stent.RecordedFailureException;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns a recorded failure back into an exception of its own class, so that a replayed workflow
 * sees the same exception type it saw on its first run and takes the same {@code catch}.
 *
 * <p>It uses a {@code (String)} or no-argument constructor when there is one; otherwise the
 * constructor with the fewest parameters, filling parameters named like recorded fields with
 * those values and other String parameters with the message. Then it restores every recorded
 * field. When the class is missing or cannot be built, a {@link RecordedFailureException} stands in.
 */
final class ThrowableRebuilder {

    private final BiFunction<String, java.lang.reflect.Type, Object> read;

    /**
     * @param read deserializes a recorded field value to a type
     */
    ThrowableRebuilder(BiFunction<String, java.lang.reflect.Type, Object> read) {
        this.read = read;
    }

    Throwable rebuild(ErrorRecord record, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(record.getClassName(), false, loader);
            if (Throwable.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                Throwable rebuilt = instantiate(type.asSubclass(Throwable.class), record);
                if (rebuilt != null) {
                    restoreFields(rebuilt, record.getFields());
                    rebuilt.setStackTrace(new StackTraceElement[0]);
                    rebuilt.addSuppressed(new RecordedFailureException(record.getClassName(),
                            "recorded failure; original trace:\n" + record.getStackTrace()));
                    return rebuilt;
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // the class is not available here: the stand-in below carries its name
        }
        return new RecordedFailureException(record.getClassName(), record.getMessage());
    }

    private Throwable instantiate(Class<? extends Throwable> type, ErrorRecord record) {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        Arrays.sort(constructors, Comparator.comparingInt((Constructor<?> c) -> preference(c))
                .thenComparingInt(Constructor::getParameterCount));
        for (Constructor<?> constructor : constructors) {
            try {
                constructor.setAccessible(true);
                return (Throwable) constructor.newInstance(arguments(constructor, record));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // try the next constructor
            }
        }
        return null;
    }

    /** Prefer (String), then (), then the rest. */
    private static int preference(Constructor<?> constructor) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == String.class) {
            return 0;
        }
        return parameters.length == 0 ? 1 : 2;
    }

    private Object[] arguments(Constructor<?> constructor, ErrorRecord record) {
        Parameter[] parameters = constructor.getParameters();
        Object[] args = new Object[parameters.length];
        Map<String, String> fields = record.getFields();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            String recorded = parameter.isNamePresent() ? fields.get(parameter.getName()) : null;
            if (recorded != null) {
                args[i] = readOrDefault(recorded, parameter.getParameterizedType(), parameter.getType());
            } else if (parameter.getType() == String.class) {
                args[i] = record.getMessage();
            } else {
                args[i] = CallCapture.defaultValue(parameter.getType());
            }
        }
        return args;
    }

    private void restoreFields(Throwable rebuilt, Map<String, String> fields) {
        for (Class<?> type = rebuilt.getClass(); type != null && type != Throwable.class && type != Exception.class
                && type != RuntimeException.class && type != Error.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                String recorded = fields.get(field.getName());
                if (recorded == null || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(rebuilt, readOrDefault(recorded, field.getGenericType(), field.getType()));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // leave the value the constructor gave
                }
            }
        }
    }

    private Object readOrDefault(String json, java.lang.reflect.Type type, Class<?> raw) {
        try {
            return read.apply(json, type);
        } catch (RuntimeException e) {
            return CallCapture.defaultValue(raw);
        }
    }
}
