package io.stent.operations;

import java.util.List;

/**
 * One execution whole, as an export writes it: its summary, its stored values and every step.
 *
 * @param summary the execution as a list shows it
 * @param arguments its serialized arguments (JSON)
 * @param result its serialized result (JSON), or null
 * @param error its structured error (JSON), or null
 * @param steps every step it recorded, in the order they ended
 */
public record ExecutionExport(ExecutionSummary summary, String arguments, String result, String error,
                              List<StepView> steps) {

    /** Copies the steps. */
    public ExecutionExport {
        steps = List.copyOf(steps);
    }
}
