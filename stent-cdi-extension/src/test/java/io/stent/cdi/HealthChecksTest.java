package io.stent.cdi;

import io.stent.store.SchemaMigrator;
import io.stent.store.TestDatabase;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MicroProfile Health checks the extension adds, found through CDI as the server finds them:
 * readiness follows the database and its schema version, liveness the worker's claim loops.
 */
class HealthChecksTest {

    private static HealthCheckResponse check(WeldContainer container, java.lang.annotation.Annotation kind) {
        return container.select(HealthCheck.class, kind).get().call();
    }

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElse(Map.of());
    }

    private static void sql(TestDatabase database, String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void readinessFollowsTheSchemaVersion_andLivenessTheClaimLoops(String kind) throws Exception {
        TestDatabase database = kind.equals("h2") ? TestDatabase.h2() : TestDatabase.postgres();
        TestEnvironment.dataSource = database.dataSource();
        try (WeldContainer container = MinimalContainer.start()) {
            HealthCheckResponse ready = check(container, Readiness.Literal.INSTANCE);
            assertEquals(StentHealth.STORE, ready.getName());
            assertEquals(HealthCheckResponse.Status.UP, ready.getStatus(), data(ready).toString());
            assertEquals((long) SchemaMigrator.expectedVersion(), data(ready).get("schemaVersion"));
            assertEquals(kind, data(ready).get("database"));
            HealthCheckResponse live = check(container, Liveness.Literal.INSTANCE);
            assertEquals(StentHealth.WORKER, live.getName());
            assertEquals(HealthCheckResponse.Status.UP, live.getStatus());
            assertEquals("claiming", data(live).get("worker"));

            int latest = SchemaMigrator.expectedVersion();
            sql(database, "DELETE FROM stent_schema_version WHERE version = " + latest);
            HealthCheckResponse behind = check(container, Readiness.Literal.INSTANCE);
            assertEquals(HealthCheckResponse.Status.DOWN, behind.getStatus());
            assertTrue(String.valueOf(data(behind).get("error")).contains("STENT-1605"), data(behind).toString());
            assertEquals((long) latest - 1, data(behind).get("schemaVersion"));

            StentRuntime runtime = container.select(StentRuntime.class).get();
            runtime.engine().worker().stop();
            HealthCheckResponse stuck = check(container, Liveness.Literal.INSTANCE);
            assertEquals(HealthCheckResponse.Status.DOWN, stuck.getStatus(), "the claim loops stopped");

            runtime.stop();
            HealthCheckResponse stopped = check(container, Readiness.Literal.INSTANCE);
            assertEquals(HealthCheckResponse.Status.DOWN, stopped.getStatus());
            assertTrue(String.valueOf(data(stopped).get("error")).contains("STENT-1604"), data(stopped).toString());
            assertEquals(Optional.of("not running"),
                    Optional.ofNullable(data(check(container, Liveness.Literal.INSTANCE)).get("worker")));
        } finally {
            database.close();
        }
    }
}
