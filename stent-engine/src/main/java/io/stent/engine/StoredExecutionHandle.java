package io.stent.engine;

import io.stent.ExecutionHandle;
import io.stent.ExecutionStatus;
import io.stent.engine.store.ExecutionRecord;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Duration;

/**
 * A handle that reads its execution from the database on every call.
 *
 * @param <T> the result type
 */
final class StoredExecutionHandle<T> implements ExecutionHandle<T> {

    private final String id;
    private final Type resultType;
    private final Method method;
    private final ResultAwaiter awaiter;
    private final Outcomes outcomes;
    private final io.stent.Stent stent;

    StoredExecutionHandle(String id, Type resultType, Method method, ResultAwaiter awaiter, Outcomes outcomes,
                          io.stent.Stent stent) {
        this.id = id;
        this.resultType = resultType;
        this.method = method;
        this.awaiter = awaiter;
        this.outcomes = outcomes;
        this.stent = stent;
    }

    @Override
    public void signal(String name, Object payload) {
        stent.signal(id, name, payload);
    }

    @Override
    public void cancel() {
        stent.cancel(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ExecutionStatus status() {
        return awaiter.read(id).status();
    }

    @Override
    public T await(Duration timeout) {
        return valueOf(awaiter.awaitFinished(id, timeout));
    }

    @Override
    public T result() {
        ExecutionRecord record = awaiter.read(id);
        if (!record.status().isTerminal()) {
            throw new io.stent.StentException(EngineMessages.NOT_FINISHED, id, record.status());
        }
        return valueOf(record);
    }

    @SuppressWarnings("unchecked")
    private T valueOf(ExecutionRecord record) {
        try {
            return (T) outcomes.valueOf(record, resultType, method);
        } catch (Exception e) {
            Outcomes.throwAny(e);
            return null;
        }
    }

    @Override
    public String toString() {
        return "ExecutionHandle[" + id + "]";
    }
}
