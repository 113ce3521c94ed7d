package io.stent.store;

import io.stent.engine.store.ExecutionRecord;
import io.stent.engine.store.NewExecution;
import io.stent.store.model.ExecutionRow;
import jakarta.persistence.Column;
import jakarta.persistence.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entities and the migrated schema agree on every database: the same tables, and for each
 * column its name, type and nullability; and EclipseLink reads every entity and the times the hot
 * path wrote, whatever the JVM's time zone.
 */
class EntityMappingTest {

    /** Tables that are not Stent's data: H2's migration lock, created by its dialect, not by a migration. */
    private static final Set<String> NOT_MAPPED = Set.of("stent_schema_lock");
    /** A VARCHAR at least this long is unbounded text (PostgreSQL reports TEXT as a huge VARCHAR). */
    private static final long UNBOUNDED = 65_536;

    /** One column as the database describes it. */
    private record DbColumn(int type, String typeName, long size, boolean nullable) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void everyEntity_matchesItsTable_columnByColumn(String dialect) throws Exception {
        try (TestDatabase database = TestDatabase.of(dialect)) {
            JdbcStore.on(database.dataSource()).migrator().migrate("test");
            Map<String, Map<String, DbColumn>> tables = tables(database);
            Map<String, Class<?>> entities = new TreeMap<>();
            for (Class<?> entity : StentPersistenceUnit.ENTITIES) {
                entities.put(entity.getAnnotation(Table.class).name(), entity);
            }
            Set<String> expectedTables = new TreeSet<>(tables.keySet());
            expectedTables.removeAll(NOT_MAPPED);
            assertEquals(expectedTables, entities.keySet(), "every table has an entity and every entity a table");
            List<String> problems = new ArrayList<>();
            entities.forEach((table, entity) -> compare(table, entity, tables.get(table), problems));
            assertTrue(problems.isEmpty(), dialect + ":\n" + String.join("\n", problems));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void eclipseLink_readsEveryEntity_andTheHotPathsTimes_inAnyJvmTimeZone(String dialect) throws Exception {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        try (TestDatabase database = TestDatabase.of(dialect)) {
            JdbcStore store = JdbcStore.on(database.dataSource());
            store.migrator().migrate("test");
            String id = store.store().executions().create(NewExecution.now(UUID.randomUUID().toString(), "f", 1,
                    "default", "[1]", "key-" + UUID.randomUUID()));
            ExecutionRecord written = store.store().executions().find(id).orElseThrow();
            try (StentPersistence persistence = StentPersistence.open(database.dataSource(),
                    Dialects.detect(database.dataSource()))) {
                for (Class<?> entity : StentPersistenceUnit.ENTITIES) {
                    persistence.read(manager -> manager.createQuery("SELECT e FROM " + entity.getSimpleName() + " e",
                            entity).setMaxResults(5).getResultList());
                }
                ExecutionRow read = persistence.read(manager -> manager.find(ExecutionRow.class, id));
                assertEquals(written.createdAt().toInstant(), read.createdAt().toInstant(),
                        "the same instant through JPA as through the hot path");
                assertTrue(read.createdAt().toInstant().isAfter(OffsetDateTime.now().minusMinutes(5).toInstant()),
                        "and it is now, not hours off: " + read.createdAt());
                assertEquals("PENDING", read.status());
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void schemaVersion_throughThePersistenceUnit_isZeroOnAnEmptyDatabase_andTheLatestOnceMigrated(String dialect) {
        try (TestDatabase database = TestDatabase.of(dialect); JdbcStore store = JdbcStore.on(database.dataSource())) {
            assertEquals(0, store.schemaVersion(), "no Stent table yet");
            store.migrator().migrate("test");
            assertEquals(SchemaMigrator.expectedVersion(), store.schemaVersion());
        }
    }

    private static void compare(String table, Class<?> entity, Map<String, DbColumn> columns, List<String> problems) {
        Map<String, Field> fields = new TreeMap<>();
        for (Field field : entity.getDeclaredFields()) {
            Column column = field.getAnnotation(Column.class);
            if (column != null && !Modifier.isStatic(field.getModifiers())) {
                fields.put(column.name(), field);
            }
        }
        if (!fields.keySet().equals(columns.keySet())) {
            problems.add(table + ": columns " + columns.keySet() + " but " + entity.getSimpleName() + " maps "
                    + fields.keySet());
            return;
        }
        fields.forEach((name, field) -> {
            Column column = field.getAnnotation(Column.class);
            DbColumn db = columns.get(name);
            String where = table + "." + name + " (" + db.typeName() + ", " + field.getType().getSimpleName() + ")";
            if (db.nullable() != column.nullable()) {
                problems.add(where + ": nullable in the database " + db.nullable() + ", in the entity "
                        + column.nullable());
            }
            if (field.getType().isPrimitive() && db.nullable()) {
                problems.add(where + ": a primitive attribute on a nullable column");
            }
            String typeProblem = typeProblem(field, column, db);
            if (typeProblem != null) {
                problems.add(where + ": " + typeProblem);
            }
        });
    }

    private static String typeProblem(Field field, Column column, DbColumn db) {
        Class<?> type = field.getType();
        if (type == String.class) {
            boolean text = db.type() == Types.CLOB || db.type() == Types.LONGVARCHAR || db.type() == Types.NCLOB
                    || db.type() == Types.LONGNVARCHAR || isVarchar(db.type()) && db.size() >= UNBOUNDED;
            if (text) {
                return column.length() == 255 ? null : "unbounded text, but the entity declares length "
                        + column.length();
            }
            if (!isVarchar(db.type())) {
                return "not a text column";
            }
            return column.length() == db.size() ? null : "VARCHAR(" + db.size() + ") but length " + column.length();
        }
        if (type == int.class) {
            return db.type() == Types.INTEGER ? null : "not an INTEGER";
        }
        if (type == long.class || type == Long.class) {
            return db.type() == Types.BIGINT ? null : "not a BIGINT";
        }
        if (type == double.class) {
            return db.type() == Types.DOUBLE || db.type() == Types.FLOAT ? null : "not a DOUBLE";
        }
        if (type == boolean.class) {
            return db.type() == Types.BOOLEAN || db.type() == Types.BIT || db.type() == Types.TINYINT ? null
                    : "not a BOOLEAN";
        }
        if (type == OffsetDateTime.class) {
            return db.type() == Types.TIMESTAMP || db.type() == Types.TIMESTAMP_WITH_TIMEZONE ? null
                    : "not a TIMESTAMP";
        }
        return "no rule for the attribute type " + type.getName();
    }

    private static boolean isVarchar(int type) {
        return type == Types.VARCHAR || type == Types.NVARCHAR || type == Types.CHAR;
    }

    private static Map<String, Map<String, DbColumn>> tables(TestDatabase database) throws Exception {
        Map<String, Map<String, DbColumn>> tables = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String schema = connection.getSchema();
            try (ResultSet rows = metaData.getColumns(connection.getCatalog(), schema, "%", "%")) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.startsWith("stent_")) {
                        continue;
                    }
                    tables.computeIfAbsent(table, t -> new TreeMap<>()).put(
                            rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            new DbColumn(rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"),
                                    rows.getLong("COLUMN_SIZE"), "YES".equals(rows.getString("IS_NULLABLE"))));
                }
            }
        }
        return tables;
    }
}
