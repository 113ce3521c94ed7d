package io.stent.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * PostgreSQL's own counters of Stent's task and execution tables, read around a drain: row
 * versions written (updates, of which HOT), dead tuples left, index entries read and the
 * tables' and indexes' sizes, so a benchmark can say where a drain's time went.
 */
final class TableCounters {

    /**
     * PostgreSQL 15 reports a busy backend's counters at most once a second, and what is left when
     * it goes idle within 10 s.
     */
    private static final Duration REPORT_LAG = Duration.ofSeconds(11);

    private TableCounters() {
    }

    /** The counters now, after the lag that lets every backend report its own. */
    static Map<String, Long> read(DataSource dataSource) throws SQLException {
        LockSupport.parkNanos(REPORT_LAG.toNanos());
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT relname, n_tup_upd, n_tup_hot_upd, n_tup_del,"
                    + " n_dead_tup, COALESCE(idx_tup_fetch, 0), COALESCE(seq_tup_read, 0), autovacuum_count,"
                    + " autoanalyze_count"
                    + " FROM pg_stat_user_tables WHERE relname IN ('stent_task', 'stent_execution')")) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    counters.put(table + ".updates", rows.getLong(2));
                    counters.put(table + ".hotUpdates", rows.getLong(3));
                    counters.put(table + ".deletes", rows.getLong(4));
                    counters.put(table + ".deadTuples", rows.getLong(5));
                    counters.put(table + ".indexFetches", rows.getLong(6));
                    counters.put(table + ".seqRead", rows.getLong(7));
                    counters.put(table + ".autovacuums", rows.getLong(8));
                    counters.put(table + ".autoanalyzes", rows.getLong(9));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT indexrelname, idx_tup_read,"
                    + " pg_relation_size(indexrelid) FROM pg_stat_user_indexes WHERE relname = 'stent_task'")) {
                while (rows.next()) {
                    counters.put(rows.getString(1) + ".entriesRead", rows.getLong(2));
                    counters.put(rows.getString(1) + ".bytes", rows.getLong(3));
                }
            }
        }
        return counters;
    }

    /** What a drain of {@code count} tasks changed, per task, and the dead tuples it left. */
    static Map<String, Object> perTask(Map<String, Long> before, Map<String, Long> after, int count) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Long> counter : after.entrySet()) {
            String name = counter.getKey();
            long now = counter.getValue();
            if (name.endsWith(".deadTuples") || name.endsWith(".bytes")) {
                result.put(name, now);
            } else if (name.endsWith(".autovacuums") || name.endsWith(".autoanalyzes")) {
                result.put(name + "During", now - before.getOrDefault(name, 0L)); // autovacuum beside the drain
            } else {
                long then = before.getOrDefault(name, 0L);
                result.put(name + "PerTask", Math.round((now - then) * 100.0 / count) / 100.0);
            }
        }
        return result;
    }
}
