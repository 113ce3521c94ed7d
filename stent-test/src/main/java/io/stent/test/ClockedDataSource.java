package io.stent.test;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A DataSource whose connections read the {@link VirtualClock}: every SQL text they are given has
 * its {@code CURRENT_TIMESTAMP} replaced by the virtual time. Stent's store writes every time
 * comparison with {@code CURRENT_TIMESTAMP} (the database clock), so moving the clock moves what
 * is due, which leases have expired and which schedules fire.
 */
final class ClockedDataSource implements DataSource {

    private static final Pattern NOW = Pattern.compile("\\bCURRENT_TIMESTAMP\\b", Pattern.CASE_INSENSITIVE);

    private final DataSource raw;

    ClockedDataSource(DataSource raw) {
        this.raw = raw;
    }

    /** The SQL with the database's time replaced by the virtual time. */
    static String clocked(String sql) {
        return sql == null ? null : NOW.matcher(sql).replaceAll(VirtualClock.NOW_SQL);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(raw.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return wrap(raw.getConnection(user, password));
    }

    private static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(ClockedDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Rewriting(connection));
    }

    /** Rewrites the SQL given to a connection or to one of its statements. */
    private static final class Rewriting implements InvocationHandler {
        private final Object target;

        Rewriting(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
                return proxy; // EclipseLink unwraps to run its own SQL: keep it on the clock
            }
            if (args != null && args.length > 0 && args[0] instanceof String sql && !method.getName().equals("unwrap")
                    && !method.getName().startsWith("set") && !method.getName().startsWith("get")) {
                args = args.clone();
                args[0] = clocked(sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return Proxy.newProxyInstance(ClockedDataSource.class.getClassLoader(),
                        new Class<?>[] {Statement.class}, new Rewriting(statement));
            }
            return result;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return raw.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        raw.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        raw.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return raw.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return raw.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return raw.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return raw.isWrapperFor(type);
    }
}
