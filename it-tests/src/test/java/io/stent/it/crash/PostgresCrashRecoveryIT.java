package io.stent.it.crash;

import io.stent.it.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Crash recovery on PostgreSQL, through a server connection pool. */
class PostgresCrashRecoveryIT extends CrashRecoveryTest {

    private PostgresDatabase database;

    @Override
    Map<String, String> databaseEnvironment() {
        return Map.of("STENT_DATASOURCE", "jdbc/stent");
    }

    @Override
    List<String> databaseArguments(Path work) throws Exception {
        database = PostgresDatabase.create();
        return database.payaraArguments(work);
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
