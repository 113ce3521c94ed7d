package io.stent.it.crash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table of its own in which every step body records that it ran, committed at once.
 */
@ApplicationScoped
public class EffectLog {

    @Inject
    @ConfigProperty(name = "stent.datasource", defaultValue = "java:comp/DefaultDataSource")
    String dataSourceName;

    void createTable(@Observes @Initialized(ApplicationScoped.class) Object event) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS crash_effect (tag VARCHAR(100) NOT NULL,"
                    + " step INTEGER NOT NULL)");
        }
    }

    DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup(dataSourceName);
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    void record(String tag, int step) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO crash_effect (tag, step) VALUES (?, ?)")) {
            insert.setString(1, tag);
            insert.setInt(2, step);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Leaves a file that tells the test a step has done its work and now waits. */
    void mark(String tag, String what) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(System.getenv("CRASH_MARKERS"));
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(tag + "-" + what), "entered");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<Integer, Integer> counts(String tag) {
        Map<Integer, Integer> counts = new TreeMap<>();
        try (Connection connection = dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT step, COUNT(*) FROM crash_effect WHERE tag = ? GROUP BY step")) {
            select.setString(1, tag);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getInt(1), rows.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
