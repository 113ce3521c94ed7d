package io.stent.operations;

import java.util.List;

/**
 * One execution with its data and its recorded steps.
 *
 * @param summary what a list shows of it
 * @param arguments its serialized arguments
 * @param result its serialized result, or null
 * @param error its structured error as JSON, or null
 * @param steps its first {@value #FIRST_STEPS} recorded steps, in the order they were recorded
 * @param moreSteps whether it recorded more ({@link StentOperations#steps} pages through all)
 * @param tasks its tasks that are not done (running, due or waiting), with who holds them and
 *              whether they move
 */
public record ExecutionDetail(ExecutionSummary summary, String arguments, String result, String error,
                              List<StepView> steps, boolean moreSteps, List<TaskView> tasks) {

    /** How many steps a detail carries; the rest are paged. */
    public static final int FIRST_STEPS = 200;

    /**
     * Copies the steps and tasks.
     */
    public ExecutionDetail {
        steps = List.copyOf(steps);
        tasks = List.copyOf(tasks);
    }

    /**
     * Whether a task of the execution does not move (see {@link TaskHealth}).
     *
     * @return true when one is stuck
     */
    public boolean stuck() {
        return tasks.stream().anyMatch(task -> task.health() != TaskHealth.OK);
    }
}
