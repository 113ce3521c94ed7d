package io.stent.store;

import io.stent.engine.store.NewExecution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The DDL a DBA prints is complete: applied by hand to an empty database, Stent accepts it as
 * current and works on it with migrations off; a range prints an upgrade.
 */
class SchemaPrinterTest {

    private static String printed(String dialect, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SchemaPrinter.print(dialect, from, to, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void apply(TestDatabase database, String script) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : Statements.split(script)) {
                statement.execute(sql);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void printedSchema_appliedByHand_isAcceptedAsCurrent_andStentWorksOnIt(String dialect) throws Exception {
        try (TestDatabase database = TestDatabase.of(dialect)) {
            apply(database, printed(dialect, 1, Migration.latest()));
            JdbcStore store = JdbcStore.on(database.dataSource());
            assertEquals(SchemaMigrator.expectedVersion(), store.migrator().currentVersion());
            String id = store.store().executions().create(NewExecution.now(UUID.randomUUID().toString(), "f", 1,
                    "default", "[]", null));
            assertEquals(id, store.store().claims().claim("w", List.of(new io.stent.engine.store.FunctionKey("f", 1)),
                    1, Duration.ofSeconds(30)).get(0).executionId());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql", "mariadb"})
    void printedRange_upgradesADatabaseFromTheVersionBeforeIt(String dialect) throws Exception {
        try (TestDatabase database = TestDatabase.of(dialect)) {
            int latest = Migration.latest();
            apply(database, printed(dialect, 1, latest - 2));
            JdbcStore store = JdbcStore.on(database.dataSource());
            assertEquals(latest - 2, store.migrator().currentVersion());
            apply(database, printed(dialect, latest - 1, latest));
            assertEquals(latest, store.migrator().currentVersion());
            assertEquals(latest, store.migrator().migrate("again"), "nothing left to migrate");
        }
    }
}
