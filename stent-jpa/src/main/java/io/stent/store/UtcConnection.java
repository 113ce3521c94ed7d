package io.stent.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * A connection to a database whose timestamp columns hold UTC wall-clock times without a zone
 * (MariaDB's and MySQL's {@code DATETIME(6)}). It rewrites each statement with the dialect's
 * translation (the clock as UTC with microseconds), binds {@link OffsetDateTime} and
 * {@link Timestamp} parameters as UTC text, and reads timestamp columns as UTC. The driver's own conversions would use the JVM's time
 * zone, so instants would shift with the server's settings.
 */
final class UtcConnection implements InvocationHandler {

    private static final java.time.format.DateTimeFormatter UTC_TEXT = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final Object target;
    private final UnaryOperator<String> translation;

    private UtcConnection(Object target, UnaryOperator<String> translation) {
        this.target = target;
        this.translation = translation;
    }

    /**
     * Wraps a connection.
     *
     * @param connection the driver's (or pool's) connection
     * @param translation rewrites statements
     * @return the wrapped connection
     */
    static Connection wrap(Connection connection, UnaryOperator<String> translation) {
        return proxy(Connection.class, connection, translation);
    }

    private static <T> T proxy(Class<T> type, Object target, UnaryOperator<String> translation) {
        return type.cast(Proxy.newProxyInstance(UtcConnection.class.getClassLoader(), new Class<?>[] {type},
                new UtcConnection(target, translation)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (args != null && args.length > 0 && args[0] instanceof String sql && takesSql(name)) {
            args[0] = translation.apply(sql);
        }
        if (args != null && args.length == 2 && (name.equals("setObject") || name.equals("setTimestamp"))
                && (args[1] instanceof OffsetDateTime || args[1] instanceof Timestamp)) {
            java.time.Instant instant = args[1] instanceof Timestamp time ? time.toInstant()
                    : ((OffsetDateTime) args[1]).toInstant();
            // As text: a driver that takes the server for an old one (MySQL's, on MariaDB) drops
            // the microseconds of a temporal parameter, but the server reads them from text.
            ((PreparedStatement) target).setString((Integer) args[0], UTC_TEXT.format(instant));
            return null;
        }
        if (target instanceof ResultSet rows && args != null && args.length >= 1 && readsTime(name, args)) {
            return readTime(rows, method, args);
        }
        if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
            return proxy;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return wrapResult(method.getReturnType(), result);
    }

    private Object wrapResult(Class<?> type, Object result) {
        if (result == null) {
            return null;
        }
        if (type == CallableStatement.class) {
            return proxy(CallableStatement.class, result, translation);
        }
        if (type == PreparedStatement.class) {
            return proxy(PreparedStatement.class, result, translation);
        }
        if (type == Statement.class) {
            return proxy(Statement.class, result, translation);
        }
        if (type == ResultSet.class) {
            return proxy(ResultSet.class, result, translation);
        }
        return result;
    }

    private static boolean takesSql(String method) {
        return method.startsWith("prepare") || method.startsWith("execute") || method.equals("addBatch")
                || method.equals("nativeSQL");
    }

    private static boolean readsTime(String method, Object[] args) {
        return method.equals("getTimestamp") && args.length == 1
                || method.equals("getObject") && args.length == 2
                && (args[1] == OffsetDateTime.class || args[1] == Timestamp.class || args[1] == java.time.Instant.class);
    }

    private static Object readTime(ResultSet rows, Method method, Object[] args) throws java.sql.SQLException {
        LocalDateTime local = args[0] instanceof Integer column ? rows.getObject(column, LocalDateTime.class)
                : rows.getObject((String) args[0], LocalDateTime.class);
        if (local == null) {
            return null;
        }
        OffsetDateTime utc = local.atOffset(ZoneOffset.UTC);
        Class<?> wanted = method.getName().equals("getTimestamp") ? Timestamp.class : (Class<?>) args[1];
        if (wanted == Timestamp.class) {
            return Timestamp.from(utc.toInstant());
        }
        return wanted == OffsetDateTime.class ? utc : utc.toInstant();
    }
}
