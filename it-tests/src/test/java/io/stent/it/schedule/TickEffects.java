package io.stent.it.schedule;

import io.stent.Durable;
import io.stent.Stent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** A table of the application's own in which each tick's step records its execution. */
@ApplicationScoped
public class TickEffects {

    @Inject
    Stent stent;

    void createTable(@Observes @Initialized(ApplicationScoped.class) Object event) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS tick_effect (execution_id VARCHAR(36) NOT NULL)");
        }
    }

    /** Records the running execution, in the transaction that also records the step's result. */
    @Durable(name = "ticker.effect")
    @Transactional
    public void record() {
        String execution = stent.currentExecution().orElseThrow().executionId();
        try (Connection connection = dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO tick_effect (execution_id) VALUES (?)")) {
            insert.setString(1, execution);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup("jdbc/stent");
        } catch (NamingException e) {
            throw new IllegalStateException(e);
        }
    }
}
