package io.stent.it.lifecycle;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The embedded H2 database of a stopped server, opened by the test to move stored times ("time
 * travel") instead of waiting for them.
 */
final class EmbeddedH2 {

    private EmbeddedH2() {
    }

    /**
     * Makes the leases of an execution's task expired, and forgets the workers that held them, as if
     * the dead server had run on another machine: only the expired lease can free the task.
     *
     * @param databaseFile the database's path without {@code .mv.db}
     * @param executionId the execution
     * @throws SQLException on a database error
     */
    static void expireLeaseOfDeadWorker(Path databaseFile, String executionId) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:" + databaseFile + ";AUTO_SERVER=TRUE",
                "", "");
             PreparedStatement lease = connection.prepareStatement("UPDATE stent_task SET lease_expires_at ="
                     + " DATEADD(MINUTE, -1, CURRENT_TIMESTAMP) WHERE execution_id = ? AND status = 'RUNNING'");
             PreparedStatement workers = connection.prepareStatement("DELETE FROM stent_worker")) {
            lease.setString(1, executionId);
            if (lease.executeUpdate() != 1) {
                throw new AssertionError("execution " + executionId + " has no running task");
            }
            workers.executeUpdate();
        }
    }
}
