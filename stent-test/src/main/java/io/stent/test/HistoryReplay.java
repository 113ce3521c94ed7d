package io.stent.test;

import io.stent.engine.store.NewExecution;
import io.stent.engine.store.StepRecord;
import io.stent.engine.store.StepStatus;
import io.stent.engine.store.Store;
import io.stent.operations.ExecutionExport;
import io.stent.operations.StepView;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * Loads an exported execution's history into the kit's database as a new execution, its
 * completed and failed steps recorded, then makes it due: the worker replays it against the code
 * under test.
 */
final class HistoryReplay {

    private final Store store;
    private final DataSource dataSource;

    HistoryReplay(Store store, DataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
    }

    /** Reads one line of an export. */
    ExecutionExport parse(String line) {
        try (Jsonb json = JsonbBuilder.create()) {
            ExecutionExport export = json.fromJson(line, ExecutionExport.class);
            if (export == null || export.summary() == null || export.summary().function() == null) {
                throw new AssertionError(KitMessages.NOT_AN_EXPORT.format(abbreviate(line)));
            }
            return export;
        } catch (JsonbException e) {
            throw new AssertionError(KitMessages.NOT_AN_EXPORT.format(abbreviate(line)), e);
        } catch (Exception e) {
            throw new io.stent.StentException(KitMessages.JSONB_CLOSE, e);
        }
    }

    /**
     * Writes a copy of the execution with its recorded steps and makes it due.
     *
     * @return the copy's id
     */
    String load(ExecutionExport export) {
        String id = UUID.randomUUID().toString();
        var summary = export.summary();
        // due in a day: nothing claims it before its steps are written
        store.executions().create(new NewExecution(id, summary.function(), summary.version(),
                summary.queue() == null ? "default" : summary.queue(), export.arguments(), null, Duration.ofDays(1),
                null, null, null, 0));
        for (StepView step : export.steps()) {
            if (step.status().equals("COMPLETED") || step.status().equals("FAILED")) {
                StepStatus status = StepStatus.valueOf(step.status());
                store.steps().record(StepRecord.finished(id, step.parentPath(), step.seq(), step.function(), status,
                        step.arguments(), step.output(), step.attempts(), step.durationMillis()));
            }
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement due = connection.prepareStatement(
                // a version past the first claim's: the worker looks its steps up instead of taking it for new
                "UPDATE stent_task SET run_at = CURRENT_TIMESTAMP, version = version + 1 WHERE execution_id = ?")) {
            due.setString(1, id);
            due.executeUpdate();
        } catch (SQLException e) {
            throw new io.stent.StentException(KitMessages.DATABASE, e, "make the copy due");
        }
        return id;
    }

    private static String abbreviate(String line) {
        return line == null ? "null" : line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
