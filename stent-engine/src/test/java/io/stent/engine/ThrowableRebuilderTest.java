package io.stent.engine;

import io.stent.RecordedFailureException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrowableRebuilderTest {

    /** An exception with data and no (String) constructor. */
    public static class LimitExceeded extends RuntimeException {
        private final String account;
        private final int limit;

        public LimitExceeded(String account, int limit) {
            super("limit " + limit + " exceeded on " + account);
            this.account = account;
            this.limit = limit;
        }
    }

    /** Reads the simple JSON a test records: quoted strings and integers. */
    private static Object read(String json, Type type) {
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(json);
        }
        return json.substring(1, json.length() - 1);
    }

    private final ThrowableRebuilder rebuilder = new ThrowableRebuilder(ThrowableRebuilderTest::read);

    @Test
    void exceptionWithDataConstructor_isRebuiltAsItsOwnType_withItsFields() {
        ErrorRecord record = ErrorRecord.of(new LimitExceeded("acct-7", 500), value ->
                value instanceof String text ? "\"" + text + "\"" : String.valueOf(value));
        Throwable rebuilt = rebuilder.rebuild(record, getClass().getClassLoader());
        LimitExceeded exception = assertInstanceOf(LimitExceeded.class, rebuilt);
        assertEquals("acct-7", exception.account);
        assertEquals(500, exception.limit);
        assertEquals("limit 500 exceeded on acct-7", exception.getMessage(), "the constructor got the recorded data");
        assertTrue(exception.getSuppressed()[0].getMessage().contains("original trace"));
    }

    @Test
    void messageConstructor_isPreferred() {
        ErrorRecord record = ErrorRecord.of(new IllegalStateException("bad state"));
        Throwable rebuilt = rebuilder.rebuild(record, getClass().getClassLoader());
        assertInstanceOf(IllegalStateException.class, rebuilt);
        assertEquals("bad state", rebuilt.getMessage());
    }

    @Test
    void missingClass_becomesAStandInNamingIt() {
        ErrorRecord record = ErrorRecord.of(new IllegalStateException("gone"));
        record.setClassName("com.example.NotHere");
        RecordedFailureException standIn = assertInstanceOf(RecordedFailureException.class,
                rebuilder.rebuild(record, getClass().getClassLoader()));
        assertEquals("com.example.NotHere", standIn.originalClass());
    }
}
