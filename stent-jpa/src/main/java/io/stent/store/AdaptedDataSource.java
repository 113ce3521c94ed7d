package io.stent.store;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Stent's DataSource as the persistence provider sees it: every connection passes through the
 * dialect's {@link Dialect#adapt}, so JPA's statements meet the database as the store's do.
 */
final class AdaptedDataSource implements DataSource {

    private final DataSource target;
    private final Dialect dialect;

    AdaptedDataSource(DataSource target, Dialect dialect) {
        this.target = target;
        this.dialect = dialect;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dialect.adapt(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return dialect.adapt(target.getConnection(user, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
