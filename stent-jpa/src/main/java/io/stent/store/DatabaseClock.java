package io.stent.store;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** The database's time, read on the connection of a unit of work: every stored time is the database's. */
final class DatabaseClock {

    private DatabaseClock() {
    }

    static OffsetDateTime now(EntityManager manager) {
        try (var statement = manager.unwrap(Connection.class).createStatement();
             var rows = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class);
        } catch (SQLException e) {
            throw Jdbc.failure(e);
        }
    }
}
