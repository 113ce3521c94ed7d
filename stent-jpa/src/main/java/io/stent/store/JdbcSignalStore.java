package io.stent.store;

import io.stent.ExecutionStatus;
import io.stent.engine.store.SignalStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Signals in {@code stent_signal}. Sending wakes the execution's parked task in the same
 * transaction; consuming marks the signal with the consuming step's position, so a replay of the
 * same wait gets the same signal.
 */
final class JdbcSignalStore implements SignalStore {

    private final Jdbc jdbc;

    JdbcSignalStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Delivery send(String executionId, String name, String payload) {
        return jdbc.inTransaction(connection -> {
            ExecutionStatus status;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT status FROM stent_execution WHERE id = ? FOR UPDATE")) {
                statement.setString(1, executionId);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Delivery.NOT_FOUND;
                    }
                    status = ExecutionStatus.valueOf(rows.getString(1));
                }
            }
            if (status.isTerminal()) {
                return Delivery.FINISHED;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stent_signal (execution_id,"
                    + " name, payload, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setString(1, executionId);
                insert.setString(2, name);
                insert.setString(3, payload);
                insert.executeUpdate();
            }
            if (status == ExecutionStatus.SUSPENDED) {
                TaskWaker.wake(connection, executionId, jdbc.dialect());
            }
            return Delivery.DELIVERED;
        });
    }

    @Override
    public Optional<String> consume(String executionId, String name, String position) {
        return jdbc.inTransaction(connection -> {
            Optional<String> earlier = consumedBy(connection, executionId, position);
            if (earlier.isPresent()) {
                return earlier;
            }
            Long id = null;
            String payload = null;
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, payload FROM stent_signal"
                    + " WHERE execution_id = ? AND name = ? AND consumed_by IS NULL ORDER BY id"
                    + " LIMIT 1 FOR UPDATE")) {
                statement.setString(1, executionId);
                statement.setString(2, name);
                try (ResultSet rows = statement.executeQuery()) {
                    if (rows.next()) {
                        id = rows.getLong(1);
                        payload = rows.getString(2);
                    }
                }
            }
            if (id == null) {
                return Optional.empty();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE stent_signal SET consumed_by = ? WHERE id = ?")) {
                update.setString(1, position);
                update.setLong(2, id);
                update.executeUpdate();
            }
            return Optional.ofNullable(payload);
        });
    }

    private static Optional<String> consumedBy(Connection connection, String executionId, String position)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT payload FROM stent_signal WHERE execution_id = ? AND consumed_by = ?")) {
            statement.setString(1, executionId);
            statement.setString(2, position);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
