package io.stent.engine;

import io.stent.ExecutionFailedException;
import io.stent.ExecutionStatus;
import io.stent.StentException;
import io.stent.engine.store.ExecutionRecord;
import io.stent.spi.Serializer;

import java.lang.reflect.Method;
import java.lang.reflect.Type;

/**
 * Turns stored results and errors into values and exceptions, and back.
 */
final class Outcomes {

    private final Serializer serializer;

    private final ThrowableRebuilder rebuilder;
    private final int maxStackTraceChars;

    Outcomes(Serializer serializer, int maxStackTraceChars) {
        this.serializer = serializer;
        this.maxStackTraceChars = maxStackTraceChars;
        this.rebuilder = new ThrowableRebuilder(serializer::deserialize);
    }

    String encodeError(Throwable failure) {
        return serializer.serialize(ErrorRecord.of(failure, this::renderField).capped(maxStackTraceChars),
                ErrorRecord.class);
    }

    private String renderField(Object value) {
        try {
            return serializer.serialize(value, value.getClass());
        } catch (RuntimeException e) {
            return null;
        }
    }

    ErrorRecord decodeError(String error) {
        return (ErrorRecord) serializer.deserialize(error, ErrorRecord.class);
    }

    Throwable rebuild(String error, Class<?> context) {
        return rebuilder.rebuild(decodeError(error), loaderOf(context));
    }

    /**
     * A stored result as a value of its type: nothing for {@code void}, whatever a (user's)
     * serializer makes of the stored text.
     */
    Object value(String stored, Type resultType) {
        if (resultType == void.class || resultType == Void.class) {
            return null;
        }
        return serializer.deserialize(stored, resultType);
    }

    /**
     * The value of a finished execution, or its failure as the exception the method would throw.
     */
    Object valueOf(ExecutionRecord record, Type resultType, Method method) throws Exception {
        if (record.status() == ExecutionStatus.COMPLETED) {
            return value(record.result(), resultType);
        }
        if (record.status() == ExecutionStatus.CANCELLED) {
            throw new io.stent.ExecutionCancelledException(record.id());
        }
        if (record.status() == ExecutionStatus.EXPIRED) {
            throw new io.stent.ExecutionExpiredException(record.id());
        }
        if (record.error() == null) {
            throw new StentException(EngineMessages.ENDED_OTHERWISE, record.id(), record.status());
        }
        ErrorRecord error = decodeError(record.error());
        Throwable rebuilt = rebuilder.rebuild(error, loaderOf(method.getDeclaringClass()));
        if (rebuilt instanceof RuntimeException || rebuilt instanceof Error || isDeclared(rebuilt, method)) {
            throwAny(rebuilt);
        }
        throw new ExecutionFailedException(record.id(), error.getClassName(), error.getMessage(), rebuilt);
    }

    private static boolean isDeclared(Throwable failure, Method method) {
        if (method == null) {
            return false;
        }
        for (Class<?> declared : method.getExceptionTypes()) {
            if (declared.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> void throwAny(Throwable failure) throws E {
        throw (E) failure;
    }

    private static ClassLoader loaderOf(Class<?> type) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : type.getClassLoader();
    }
}
