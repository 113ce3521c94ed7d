package io.stent.it.crash;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Crash recovery on the embedded default: Payara's H2, in a file under the fixed root dir. */
class H2CrashRecoveryIT extends CrashRecoveryTest {

    @Override
    Map<String, String> databaseEnvironment() {
        return Map.of();
    }

    @Override
    List<String> databaseArguments(Path work) {
        return List.of();
    }
}
