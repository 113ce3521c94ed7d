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
 * A throw-away database for one test class: an in-memory H2 database, or a PostgreSQL database
 * created on the local server and dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final Runnable drop;
    private final String jdbcUrl;

    private TestDatabase(DataSource dataSource, String jdbcUrl, Runnable drop) {
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.drop = drop;
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
        return new TestDatabase(dataSource, url, () -> { });
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
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(server + name);
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setMaximumPoolSize(24);
        pool.setPoolName("test-" + name);
        HikariDataSource dataSource = new HikariDataSource(pool);
        return new TestDatabase(dataSource, server + name, () -> {
            dataSource.close();
            admin(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        });
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
