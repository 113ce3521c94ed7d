package io.stent.cdi;

import io.stent.operations.DeadLetter;
import io.stent.operations.DeadLetterFilter;
import io.stent.store.JdbcStore;
import io.stent.operations.DeadLetterSort;
import io.stent.operations.PageRequest;
import io.stent.operations.StepView;

import javax.sql.DataSource;
import java.util.List;
import java.util.function.Function;

/** Reads a test database through a store of its own, closed after each read. */
final class TestStores {

    private TestStores() {
    }

    static <T> T with(DataSource dataSource, Function<JdbcStore, T> work) {
        try (JdbcStore store = JdbcStore.on(dataSource)) {
            return work.apply(store);
        }
    }

    /** The dead letter of an execution. */
    static DeadLetter deadLetterOf(DataSource dataSource, String executionId) {
        return with(dataSource, store -> store.queries().deadLetters(DeadLetterFilter.pending(), DeadLetterSort.FAILED_AT,
                        PageRequest.first(500)).items().stream()
                .filter(letter -> letter.executionId().equals(executionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + executionId)));
    }

    /** The recorded steps of an execution. */
    static List<StepView> steps(DataSource dataSource, String executionId) {
        return with(dataSource, store -> store.queries().execution(executionId).orElseThrow().steps());
    }
}
