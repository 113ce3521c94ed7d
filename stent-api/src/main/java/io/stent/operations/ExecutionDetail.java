package io.stent.operations;

import java.util.List;

/**
 * One execution with its data and its recorded steps.
 *
 * @param summary what a list shows of it
 * @param arguments its serialized arguments
 * @param result its serialized result, or null
 * @param error its structured error as JSON, or null
 * @param steps its recorded steps, in the order they were recorded
 */
public record ExecutionDetail(ExecutionSummary summary, String arguments, String result, String error,
                              List<StepView> steps) {

    /**
     * Copies the steps.
     */
    public ExecutionDetail {
        steps = List.copyOf(steps);
    }
}
