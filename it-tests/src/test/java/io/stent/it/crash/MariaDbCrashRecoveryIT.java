package io.stent.it.crash;

import io.stent.it.MariaDbDatabase;
import org.junit.jupiter.api.AfterEach;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Crash recovery on MariaDB, through a server connection pool. */
class MariaDbCrashRecoveryIT extends CrashRecoveryTest {

    private MariaDbDatabase database;

    @Override
    Map<String, String> databaseEnvironment() {
        return Map.of("STENT_DATASOURCE", "jdbc/stent");
    }

    @Override
    List<String> databaseArguments(Path work) throws Exception {
        database = MariaDbDatabase.create();
        return database.payaraArguments(work);
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
