package io.stent.it.chaos;

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
import java.sql.SQLException;
import java.sql.Statement;

/** The effects table, on Stent's DataSource: each step records that it ran. */
@ApplicationScoped
public class ChaosEffects {

    @Inject
    @ConfigProperty(name = "stent.datasource", defaultValue = "java:comp/DefaultDataSource")
    String dataSourceName;

    void createTable(@Observes @Initialized(ApplicationScoped.class) Object event) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS chaos_effect (tag VARCHAR(100) NOT NULL,"
                    + " what VARCHAR(20) NOT NULL)");
        }
    }

    private DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup(dataSourceName);
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records an effect, in the caller's transaction if it has one. */
    void record(OrderId order, String what) {
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO chaos_effect (tag, what) VALUES (?, ?)")) {
            insert.setString(1, order.tag());
            insert.setString(2, what);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + what + " of " + order.tag(), e);
        }
    }
}
