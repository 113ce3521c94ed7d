package io.stent.test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The test database's clock: the real clock plus an offset kept in a table of its own
 * ({@code stent_test_clock}), so that every connection, and so every due-ness, lease and schedule
 * decision Stent makes with the database clock, sees the same virtual time. {@link ClockedDataSource}
 * makes Stent's SQL read it.
 */
final class VirtualClock {

    /** The virtual time in SQL: the database's time plus the offset. */
    static final String NOW_SQL = "DATEADD(MILLISECOND, (SELECT offset_ms FROM stent_test_clock),"
            + " CURRENT_TIMESTAMP)";

    private final DataSource raw;

    private VirtualClock(DataSource raw) {
        this.raw = raw;
    }

    /**
     * Creates the clock's table in a new database, at offset zero.
     *
     * @param raw the database, without the rewriting
     * @return the clock
     */
    static VirtualClock create(DataSource raw) {
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE stent_test_clock (offset_ms BIGINT NOT NULL)");
            statement.execute("INSERT INTO stent_test_clock (offset_ms) VALUES (0)");
        } catch (SQLException e) {
            throw new io.stent.StentException(KitMessages.CLOCK_TABLE, e);
        }
        return new VirtualClock(raw);
    }

    /**
     * The virtual time, read from the database.
     *
     * @return now
     */
    Instant now() {
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + NOW_SQL)) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new io.stent.StentException(KitMessages.DATABASE, e, "read its clock");
        }
    }

    /**
     * Moves the clock forward.
     *
     * @param by how far, not negative
     */
    void shift(Duration by) {
        try (Connection connection = raw.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE stent_test_clock SET offset_ms = offset_ms + ?")) {
            update.setLong(1, by.toMillis());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new io.stent.StentException(KitMessages.DATABASE, e, "move its clock");
        }
    }
}
