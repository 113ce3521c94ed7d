package io.stent.store;

import io.stent.engine.store.NewExecution;
import io.stent.engine.store.ScheduleRecord;
import io.stent.engine.store.ScheduleStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schedules in {@code stent_schedule}. A round is applied by an update conditional on the next
 * fire time (and waiting fire time) it read, in the transaction that writes its executions: of two
 * instances that read the same round, one moves the schedule and starts the executions, the other
 * changes nothing. Each execution also carries an idempotency key of the schedule and fire time.
 */
final class JdbcScheduleStore implements ScheduleStore {

    private static final String COLUMNS = "s.name, s.function_name, s.function_version, s.queue, s.priority,"
            + " s.tags, s.args, s.cron, s.zone, s.overlap, s.catch_up,"
            + " s.catch_up_limit, s.grace_ms, s.declared, s.paused, s.next_fire_at, s.buffered_fire_at,"
            + " s.last_fire_at, s.last_execution_id, s.fires, s.dropped,"
            + " CASE WHEN e.status IN ('PENDING', 'RUNNING', 'SUSPENDED', 'CANCELLING') THEN 1 ELSE 0 END";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM stent_schedule s"
            + " LEFT JOIN stent_execution e ON e.id = s.last_execution_id";

    private final Jdbc jdbc;
    private final ExecutionWrites writes;

    JdbcScheduleStore(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.writes = jdbc.dialect().executionWrites(jdbc);
    }

    @Override
    public Instant now() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class).toInstant();
            }
        });
    }

    @Override
    public boolean save(ScheduleRecord schedule) {
        try {
            return jdbc.inTransaction(connection -> saveIn(connection, schedule));
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && jdbc.isUniqueViolation(sql)) {
                // another instance inserted it meanwhile (several deploying at once): now it is an update
                return jdbc.inTransaction(connection -> saveIn(connection, schedule));
            }
            throw e;
        }
    }

    private boolean saveIn(Connection connection, ScheduleRecord schedule) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT name FROM stent_schedule WHERE name = ? FOR UPDATE")) {
            lock.setString(1, schedule.name());
            lock.executeQuery().close();
        }
        Optional<ScheduleRecord> existing = one(connection, SELECT + " WHERE s.name = ?", schedule.name());
        if (existing.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stent_schedule (name,"
                    + " function_name, function_version, queue, priority, tags, args, cron, zone, overlap, catch_up,"
                    + " catch_up_limit, grace_ms, declared, paused, next_fire_at, fires, dropped, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP)")) {
                insert.setString(1, schedule.name());
                int index = bindDefinition(insert, 2, schedule);
                insert.setBoolean(index++, schedule.declared());
                insert.setBoolean(index++, schedule.paused());
                insert.setObject(index, utc(schedule.nextFireAt()));
                insert.executeUpdate();
            }
            return true;
        }
        ScheduleRecord stored = existing.get();
        if (stored.sameDefinition(schedule) && stored.declared() == schedule.declared()) {
            return false;
        }
        boolean refire = !stored.sameFireTimes(schedule);
        try (PreparedStatement update = connection.prepareStatement("UPDATE stent_schedule SET function_name = ?,"
                + " function_version = ?, queue = ?, priority = ?, tags = ?, args = ?, cron = ?, zone = ?, overlap = ?, catch_up = ?, catch_up_limit = ?, grace_ms = ?,"
                + " declared = ?, updated_at = CURRENT_TIMESTAMP"
                + (refire ? ", next_fire_at = ?, buffered_fire_at = NULL" : "") + " WHERE name = ?")) {
            int index = bindDefinition(update, 1, schedule);
            update.setBoolean(index++, schedule.declared());
            if (refire) {
                update.setObject(index++, utc(schedule.nextFireAt()));
            }
            update.setString(index, schedule.name());
            update.executeUpdate();
        }
        return true;
    }

    /** Binds the definition's columns, function to grace period, from {@code index} on; returns the next index. */
    private static int bindDefinition(PreparedStatement statement, int index, ScheduleRecord schedule)
            throws SQLException {
        statement.setString(index++, schedule.functionName());
        index = bindFunction(statement, index, schedule);
        statement.setString(index++, schedule.arguments());
        statement.setString(index++, schedule.cron());
        statement.setString(index++, schedule.zone());
        statement.setString(index++, schedule.overlap());
        statement.setString(index++, schedule.catchUp());
        statement.setInt(index++, schedule.catchUpLimit());
        statement.setLong(index++, schedule.graceMillis());
        return index;
    }

    private static int bindFunction(PreparedStatement statement, int index, ScheduleRecord schedule)
            throws SQLException {
        statement.setInt(index++, schedule.functionVersion());
        statement.setString(index++, schedule.queue());
        statement.setInt(index++, schedule.priority());
        statement.setString(index++, schedule.tags().isEmpty() ? null
                : String.join(",", new java.util.TreeSet<>(schedule.tags())));
        return index;
    }

    @Override
    public List<ScheduleRecord> due(int limit) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE s.paused = FALSE"
                    + " AND (s.next_fire_at <= CURRENT_TIMESTAMP OR s.buffered_fire_at IS NOT NULL)"
                    + " ORDER BY s.next_fire_at, s.name")) {
                statement.setMaxRows(limit);
                return many(statement);
            }
        });
    }

    @Override
    public boolean fire(ScheduleRecord seen, Instant nextFireAt, Instant bufferedFireAt, List<NewExecution> starts,
                        Instant lastFireAt, int dropped) {
        return jdbc.inTransaction(connection -> {
            String lastExecution = starts.isEmpty() ? null : starts.get(starts.size() - 1).id();
            try (PreparedStatement update = connection.prepareStatement("UPDATE stent_schedule SET next_fire_at = ?,"
                    + " buffered_fire_at = ?, fires = fires + ?, dropped = dropped + ?, updated_at = CURRENT_TIMESTAMP"
                    + (lastExecution != null ? ", last_fire_at = ?, last_execution_id = ?" : "")
                    + " WHERE name = ? AND paused = FALSE AND next_fire_at = ? AND "
                    + (seen.bufferedFireAt() == null ? "buffered_fire_at IS NULL" : "buffered_fire_at = ?"))) {
                int index = 1;
                update.setObject(index++, utc(nextFireAt));
                update.setObject(index++, utc(bufferedFireAt));
                update.setInt(index++, starts.size());
                update.setInt(index++, dropped);
                if (lastExecution != null) {
                    update.setObject(index++, utc(lastFireAt));
                    update.setString(index++, lastExecution);
                }
                update.setString(index++, seen.name());
                update.setObject(index++, utc(seen.nextFireAt()));
                if (seen.bufferedFireAt() != null) {
                    update.setObject(index, utc(seen.bufferedFireAt()));
                }
                if (update.executeUpdate() == 0) {
                    return false; // another instance applied this round, or the schedule changed
                }
            }
            for (NewExecution execution : starts) {
                writes.insertIfAbsent(connection, execution); // a taken key: that fire time already started
            }
            return true;
        });
    }

    @Override
    public boolean trigger(String name, NewExecution execution) {
        return jdbc.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE stent_schedule SET"
                    + " last_fire_at = CURRENT_TIMESTAMP, last_execution_id = ?, fires = fires + 1,"
                    + " updated_at = CURRENT_TIMESTAMP WHERE name = ?")) {
                update.setString(1, execution.id());
                update.setString(2, name);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            writes.insertIfAbsent(connection, execution);
            return true;
        });
    }

    @Override
    public Optional<ScheduleRecord> find(String name) {
        return jdbc.autoCommit(connection -> one(connection, SELECT + " WHERE s.name = ?", name));
    }

    @Override
    public List<ScheduleRecord> all() {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT + " ORDER BY s.name")) {
                return many(statement);
            }
        });
    }

    @Override
    public boolean setPaused(String name, boolean paused, Instant nextFireAt) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE stent_schedule SET paused = ?,"
                    + " updated_at = CURRENT_TIMESTAMP" + (paused ? "" : ", next_fire_at = ?, buffered_fire_at = NULL")
                    + " WHERE name = ?")) {
                int index = 1;
                update.setBoolean(index++, paused);
                if (!paused) {
                    update.setObject(index++, utc(nextFireAt));
                }
                update.setString(index, name);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(String name) {
        return jdbc.autoCommit(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM stent_schedule WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static Optional<ScheduleRecord> one(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            List<ScheduleRecord> found = many(statement);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<ScheduleRecord> many(PreparedStatement statement) throws SQLException {
        List<ScheduleRecord> schedules = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String tags = rows.getString(6);
                schedules.add(new ScheduleRecord(rows.getString(1), rows.getString(2), rows.getInt(3),
                        rows.getString(4), rows.getInt(5), tags == null ? java.util.Set.of()
                        : java.util.Set.of(tags.split(",")), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getString(10), rows.getString(11), rows.getInt(12), rows.getLong(13), rows.getBoolean(14),
                        rows.getBoolean(15), instant(rows, 16), instant(rows, 17), instant(rows, 18),
                        rows.getString(19), rows.getLong(20), rows.getLong(21), rows.getInt(22) == 1));
            }
        }
        return schedules;
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
