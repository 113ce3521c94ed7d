package io.stent.bench;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A DataSource that, while {@link #capture} runs, has PostgreSQL explain every query it is asked:
 * each prepared SELECT is run once more as {@code EXPLAIN (ANALYZE, BUFFERS)} with the same
 * parameters on the same connection, so that the plans are the ones the console's queries get.
 * The queries are those EclipseLink writes; this wrapper only watches them.
 */
final class QueryPlans {

    /** One query and what PostgreSQL did for it. */
    record Plan(String sql, List<String> lines) {

        /** The plan's scans and sorts, and its execution time: what shows whether indexes are used. */
        List<String> summary() {
            return lines.stream().map(String::strip).filter(line -> line.contains("Scan") || line.startsWith("-> Sort")
                    || line.startsWith("Sort") || line.startsWith("Execution Time")).map(line -> line.replaceAll(
                            "\\s*\\(cost=[^)]*\\)", "").replaceAll("\\(actual time=[0-9.]+\\.\\.([0-9.]+) rows=([0-9]+)"
                            + " loops=([0-9]+)\\)", "(rows=$2, loops=$3, $1 ms)")).toList();
        }

        /** Whether it read a whole large table. */
        boolean readsAWholeTable() {
            return lines.stream().anyMatch(line -> line.contains("Seq Scan on stent_execution")
                    || line.contains("Seq Scan on stent_step") || line.contains("Seq Scan on stent_dead_letter"));
        }
    }

    private final DataSource target;
    private final ThreadLocal<List<Plan>> capturing = new ThreadLocal<>();

    QueryPlans(DataSource target) {
        this.target = target;
    }

    /** @return the DataSource to give the store */
    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? connection(connection) : result;
                });
    }

    /**
     * Runs a call and returns the plans of the queries it made.
     *
     * @param call the call
     * @return its queries' plans, in order
     */
    List<Plan> capture(Runnable call) {
        List<Plan> plans = new ArrayList<>();
        capturing.set(plans);
        try {
            call.run();
        } finally {
            capturing.remove();
        }
        return plans;
    }

    private Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement) {
                        return statement(real, (String) args[0], statement);
                    }
                    return result;
                });
    }

    private PreparedStatement statement(Connection connection, String sql, PreparedStatement real) {
        Map<Integer, Object[]> setters = new TreeMap<>();
        Map<Integer, Method> setterMethods = new TreeMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
                setters.put(index, args);
                setterMethods.put(index, method);
            } else if (name.equals("clearParameters")) {
                setters.clear();
                setterMethods.clear();
            } else if ((name.equals("executeQuery") || name.equals("execute")) && (args == null || args.length == 0)
                    && capturing.get() != null && isQuery(sql)) {
                capturing.get().add(explain(connection, sql, setters, setterMethods));
            }
            return invoke(real, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static boolean isQuery(String sql) {
        String start = sql.stripLeading().toUpperCase(Locale.ROOT);
        return start.startsWith("SELECT") || start.startsWith("WITH");
    }

    private static Plan explain(Connection connection, String sql, Map<Integer, Object[]> setters,
                                Map<Integer, Method> setterMethods) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            for (Map.Entry<Integer, Object[]> setter : setters.entrySet()) {
                invoke(explain, setterMethods.get(setter.getKey()), setter.getValue());
            }
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
        }
        return new Plan(sql, lines);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
