package io.stent.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Records, instead of running, the durable calls a {@code Stent.start(() -> bean.call(x))}
 * lambda makes on the current thread.
 */
final class CallCapture {

    /** One recorded call. */
    record Captured(FunctionDefinition function, Object[] args) {
    }

    private final ThreadLocal<List<Captured>> captured = new ThreadLocal<>();

    boolean isCapturing() {
        return captured.get() != null;
    }

    void record(FunctionDefinition function, Object[] args) {
        captured.get().add(new Captured(function, args.clone()));
    }

    List<Captured> capture(io.stent.DurableCall<?> call) {
        if (isCapturing()) {
            throw new io.stent.StentException(EngineMessages.NESTED_START);
        }
        List<Captured> calls = new ArrayList<>();
        captured.set(calls);
        try {
            call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new io.stent.StentArgumentException(EngineMessages.START_LAMBDA_THREW, e, e);
        } finally {
            captured.remove();
        }
        return calls;
    }

    static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        return 0;
    }
}
