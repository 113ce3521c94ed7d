package io.stent.store;

import io.stent.engine.store.Retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retention in batches. The candidates of a batch are read by the database clock, then locked and
 * checked again (still ended), so that a replay that made one pending in between keeps it. An
 * execution goes with everything that refers to it: tables without a foreign key (steps, tasks,
 * tags) and with one (signals, dead letters) alike.
 */
final class JdbcRetention implements Retention {

    private static final String ENDED = "('COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED')";
    /** How deep a tree of children is followed; deeper ones are left for an operator. */
    private static final int MAX_DEPTH = 32;
    private static final List<String> DEPENDENTS = List.of("stent_step", "stent_task", "stent_signal",
            "stent_dead_letter", "stent_execution_tag");

    private final Jdbc jdbc;

    JdbcRetention(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Batch deleteExecutions(Rule rule, int limit) {
        for (String status : rule.statuses()) {
            if (!ENDED.contains("'" + status + "'")) {
                throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_RETENTION_POLICY, 
                        "retention applies to ended executions only, not " + status);
            }
        }
        if (rule.statuses().isEmpty()) {
            return new Batch(0, List.of());
        }
        return jdbc.inTransaction(connection -> {
            List<String> roots = candidates(connection, rule, limit);
            Map<String, String> rootOf = new HashMap<>();
            for (String root : roots) {
                rootOf.put(root, root);
            }
            Set<String> blocked = new HashSet<>();
            List<String> level = roots;
            for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
                List<String> next = new ArrayList<>();
                for (String[] child : children(connection, level)) { // id, parent, status
                    String root = rootOf.get(child[1]);
                    if (rootOf.putIfAbsent(child[0], root) == null) {
                        next.add(child[0]);
                    }
                    if (!ENDED.contains("'" + child[2] + "'")) {
                        blocked.add(root); // a descendant still runs: the whole tree waits
                    }
                }
                level = next;
            }
            if (!level.isEmpty()) {
                level.forEach(id -> blocked.add(rootOf.get(id))); // deeper than followed: left alone
            }
            List<String> wanted = rootOf.keySet().stream().filter(id -> !blocked.contains(rootOf.get(id))).toList();
            Set<String> locked = new HashSet<>(lockEnded(connection, wanted));
            for (String id : wanted) {
                if (!locked.contains(id)) {
                    blocked.add(rootOf.get(id)); // replayed since it was read
                }
            }
            List<String> ids = wanted.stream().filter(id -> !blocked.contains(rootOf.get(id))).toList();
            if (!ids.isEmpty()) {
                for (String table : DEPENDENTS) {
                    delete(connection, "DELETE FROM " + table + " WHERE execution_id IN ", ids);
                }
                delete(connection, "DELETE FROM stent_execution WHERE id IN ", ids);
            }
            return new Batch(roots.size(), ids);
        });
    }

    private List<String> candidates(Connection connection, Rule rule, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT e.id FROM stent_execution e WHERE e.parent_id IS NULL"
                + " AND e.status IN (" + SqlLists.placeholders(rule.statuses().size()) + ")"
                + " AND e.created_at < " + jdbc.dialect().nowPlusMillis()
                + " AND e.finished_at < " + jdbc.dialect().nowPlusMillis());
        if (rule.function() != null) {
            sql.append(" AND e.function_name = ?");
        } else if (!rule.except().isEmpty()) {
            sql.append(" AND e.function_name NOT IN (").append(SqlLists.placeholders(rule.except().size())).append(')');
        }
        // a parent waits for its children: one whose child still runs is not done
        sql.append(" AND NOT EXISTS (SELECT 1 FROM stent_execution c WHERE c.parent_id = e.id AND c.status NOT IN ")
                .append(ENDED).append(')');
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int index = SqlLists.bind(statement, 1, rule.statuses());
            jdbc.dialect().bindMillis(statement, index++, -rule.age().toMillis());
            jdbc.dialect().bindMillis(statement, index++, -rule.age().toMillis());
            if (rule.function() != null) {
                statement.setString(index, rule.function());
            } else if (!rule.except().isEmpty()) {
                SqlLists.bind(statement, index, rule.except());
            }
            statement.setMaxRows(limit);
            return ids(statement);
        }
    }

    /** Locks the executions that have ended among {@code ids} and returns them. */
    private static List<String> lockEnded(Connection connection, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM stent_execution WHERE id IN ("
                + SqlLists.placeholders(ids.size()) + ") AND status IN " + ENDED + " FOR UPDATE")) {
            SqlLists.bind(statement, 1, ids);
            return ids(statement);
        }
    }

    /** The children of {@code parents}: id, parent id and status each. */
    private static List<String[]> children(Connection connection, List<String> parents) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, parent_id, status FROM"
                + " stent_execution WHERE parent_id IN (" + SqlLists.placeholders(parents.size()) + ")")) {
            SqlLists.bind(statement, 1, parents);
            List<String[]> children = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    children.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
            return children;
        }
    }

    private static List<String> ids(PreparedStatement statement) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void delete(Connection connection, String prefix, List<String> ids) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(prefix + "(" + SqlLists.placeholders(ids.size())
                + ")")) {
            SqlLists.bind(statement, 1, ids);
            statement.executeUpdate();
        }
    }

    @Override
    public int deleteDeadLetters(Duration age, int limit) {
        return deleteOld("stent_dead_letter", "failed_at", age, limit);
    }

    @Override
    public int deleteAudit(Duration age, int limit) {
        int audit = deleteOld("stent_audit", "occurred_at", age, limit);
        // the records of retention runs are audit of a kind, kept as long
        return audit < limit ? audit + deleteOld("stent_retention_run", "finished_at", age, limit - audit) : audit;
    }

    @Override
    public int deleteExpiredCache(int limit) {
        return deleteOld("stent_cache", "expires_at", Duration.ZERO, limit);
    }

    /** Deletes a batch of rows older than {@code age} by a time column, by their ids (portable batch limit). */
    private int deleteOld(String table, String timeColumn, Duration age, int limit) {
        if (age.isNegative()) {
            throw new io.stent.StentArgumentException(io.stent.engine.EngineMessages.BAD_RETENTION_POLICY, 
                    "a retention age must not be negative, got " + age);
        }
        String key = table.equals("stent_cache") ? "cache_key" : "id";
        return jdbc.inTransaction(connection -> {
            List<String> ids;
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + key + " FROM " + table
                    + " WHERE " + timeColumn + " < " + jdbc.dialect().nowPlusMillis())) {
                jdbc.dialect().bindMillis(statement, 1, -age.toMillis());
                statement.setMaxRows(limit);
                ids = ids(statement);
            }
            if (!ids.isEmpty()) {
                delete(connection, "DELETE FROM " + table + " WHERE " + key + " IN ", ids);
            }
            return ids.size();
        });
    }
}
