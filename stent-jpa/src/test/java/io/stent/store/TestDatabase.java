package io.stent.store;

import org.h2.jdbcx.JdbcDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away database for one test class: an in-memory H2 database, or a PostgreSQL or MariaDB
 * database created on the local server and dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final Runnable drop;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private TestDatabase(DataSource dataSource, String jdbcUrl, String user, String password, Runnable drop) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.drop = drop;
    }

    /**
     * A connection of its own, outside the pool: closing it ends its database session, as the
     * death of its process would.
     *
     * @return the connection
     * @throws SQLException if it cannot connect
     */
    public Connection openSession() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * A fresh database of a dialect.
     *
     * @param dialect {@code h2}, {@code postgresql} or {@code mariadb}
     * @return the database, dropped on close
     */
    public static TestDatabase of(String dialect) {
        return switch (dialect) {
            case "h2" -> h2();
            case "postgresql" -> postgres();
            case "mariadb" -> mariadb();
            default -> throw new IllegalArgumentException("no test database for " + dialect);
        };
    }

    /**
     * A fresh in-memory H2 database that lives until the JVM ends.
     *
     * @return the database
     */
    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:stent_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return new TestDatabase(dataSource, url, "", "", () -> { });
    }

    /**
     * A fresh PostgreSQL database on the server named by the system property
     * {@code stent.test.pg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}).
     *
     * @return the database, dropped on close
     */
    public static TestDatabase postgres() {
        String server = System.getProperty("stent.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
        String name = "stent_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin(server, "CREATE DATABASE " + name);
        return pooled(server, name, "postgres", "postgres",
                () -> admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** A pool on a database just created; closing it drops the database. */
    private static TestDatabase pooled(String server, String name, String user, String password, Runnable drop) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(server + name);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(24);
        pool.setPoolName("test-" + name);
        HikariDataSource dataSource = new HikariDataSource(pool);
        return new TestDatabase(dataSource, server + name, user, password, () -> {
            dataSource.close();
            drop.run();
        });
    }

    /**
     * A fresh MariaDB (or MySQL) database on the server named by the system property
     * {@code stent.test.mariadb.url} (default {@code jdbc:mariadb://127.0.0.1:3306/}, user root
     * without a password).
     *
     * @return the database, dropped on close
     */
    public static TestDatabase mariadb() {
        String server = System.getProperty("stent.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        String name = "stent_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        mariadbAdmin(server, "CREATE DATABASE " + name);
        return pooled(server, name, "root", "", () -> mariadbAdmin(server, "DROP DATABASE IF EXISTS " + name));
    }

    /**
     * A fresh database on the local MariaDB server, reached through MySQL's own driver
     * (Connector/J), as an application written for MySQL would reach it.
     *
     * @return the database, dropped on close
     */
    public static TestDatabase mariadbThroughMySqlDriver() {
        String server = System.getProperty("stent.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
        String name = "stent_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        mariadbAdmin(server, "CREATE DATABASE " + name);
        return pooled(server.replace("jdbc:mariadb:", "jdbc:mysql:"), name, "root", "",
                () -> mariadbAdmin(server, "DROP DATABASE IF EXISTS " + name));
    }

    private static void mariadbAdmin(String server, String sql) {
        try (Connection connection = DriverManager.getConnection(server, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + server
                    + " (is MariaDB running? .ci/run starts it)", e);
        }
    }

    private static void admin(String server, String sql) {
        try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + server
                    + " (is PostgreSQL running? .ci/run starts it)", e);
        }
    }

    /**
     * The database.
     *
     * @return the DataSource
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The JDBC URL.
     *
     * @return the URL
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        drop.run();
    }
}
