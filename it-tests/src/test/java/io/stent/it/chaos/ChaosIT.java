package io.stent.it.chaos;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chaos suite (see {@link ChaosSuite}). Its size comes from system properties: a short run in
 * CI, the full one from {@code ./run-chaos.sh}.
 */
class ChaosIT {

    @Test
    void killsSigtermDatabaseRestartAndDroppedConnections_loseNothing_doubleNothing_spendNoAttempt()
            throws Exception {
        ChaosSuite.Plan plan = new ChaosSuite.Plan(Integer.getInteger("chaos.instances", 3),
                Integer.getInteger("chaos.workflows", 300), Integer.getInteger("chaos.kills", 3),
                Duration.parse(System.getProperty("chaos.faultEvery", "PT10S")));
        ChaosSuite.Report report = new ChaosSuite(plan).run();
        String table = report.table();
        System.out.println("Chaos suite:\n" + table);
        Files.writeString(Path.of(System.getProperty("chaos.report", "target/chaos-report.md")), table);
        assertEquals(plan.workflows(), report.completed(), "no workflow lost: " + table);
        assertEquals(0, report.duplicateEffects(), "no transactional effect twice: " + table);
        assertEquals(0, report.missingEffects(), table);
        assertEquals(0, report.spentAttempts(), "no attempt spent on the faults: " + table);
        assertEquals(0, report.deadLetters(), table);
        assertTrue(report.lastFaultToAllDone().compareTo(Duration.ofSeconds(5)) <= 0,
                "every workflow finished within 5 s of the last fault: " + table);
    }
}
