package io.stent.it.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The application's own table of effects, on Stent's DataSource (so a transactional step's effect
 * and its checkpoint commit together), and the file gates the test opens and closes.
 */
@ApplicationScoped
public class Effects {

    @Inject
    @ConfigProperty(name = "stent.datasource", defaultValue = "java:comp/DefaultDataSource")
    String dataSourceName;

    void createTable(@Observes @Initialized(ApplicationScoped.class) Object event) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS life_effect (tag VARCHAR(100) NOT NULL,"
                    + " what VARCHAR(100) NOT NULL)");
        }
    }

    DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup(dataSourceName);
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records an effect in the caller's transaction, if it has one. */
    void record(String tag, String what) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO life_effect (tag, what) VALUES (?, ?)")) {
            insert.setString(1, tag);
            insert.setString(2, what);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int count(String tag, String what) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM life_effect WHERE tag = ? AND what = ?")) {
            select.setString(1, tag);
            select.setString(2, what);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Leaves a marker file naming this instance, then waits until the test creates the file
     * {@code open-<tag>}. Interrupted (the server stops), it fails with an unchecked exception, so
     * that the caller's transaction rolls back, as a well-behaved transactional step does.
     */
    void gate(String tag, String marker) {
        Path dir = Path.of(System.getenv("LIFE_MARKERS"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(tag + "-" + marker), System.getenv().getOrDefault("LIFE_INSTANCE", "one"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        while (!Files.exists(dir.resolve("open-" + tag))) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            if (Thread.interrupted()) {
                throw new IllegalStateException("interrupted at the gate: the server stops");
            }
        }
    }
}
