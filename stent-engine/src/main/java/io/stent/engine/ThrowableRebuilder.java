package io.stent.engine;

import io.stent.RecordedFailureException;

import java.lang.reflect.Constructor;

/**
 * Turns a recorded failure back into an exception, so that a replayed workflow sees the same
 * exception type it saw on its first run and can catch it the same way.
 */
final class ThrowableRebuilder {

    private ThrowableRebuilder() {
    }

    static Throwable rebuild(ErrorRecord record, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(record.getClassName(), false, loader);
            if (Throwable.class.isAssignableFrom(type)) {
                Throwable rebuilt = instantiate(type.asSubclass(Throwable.class), record.getMessage());
                if (rebuilt != null) {
                    rebuilt.setStackTrace(new StackTraceElement[0]);
                    rebuilt.addSuppressed(new RecordedFailureException(record.getClassName(),
                            "recorded failure; original trace:\n" + record.getStackTrace()));
                    return rebuilt;
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // fall through to the stand-in: the class is not available here
        }
        return new RecordedFailureException(record.getClassName(), record.getMessage());
    }

    private static Throwable instantiate(Class<? extends Throwable> type, String message) {
        try {
            Constructor<? extends Throwable> withMessage = type.getConstructor(String.class);
            return withMessage.newInstance(message);
        } catch (ReflectiveOperationException | RuntimeException e) {
            try {
                return type.getConstructor().newInstance();
            } catch (ReflectiveOperationException | RuntimeException again) {
                return null;
            }
        }
    }
}
