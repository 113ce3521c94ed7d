package io.stent.admin;

import io.stent.operations.ExecutionDetail;
import io.stent.operations.ExecutionSummary;
import io.stent.operations.StepView;
import io.stent.operations.TaskView;

import java.util.List;

/**
 * An execution as the console's detail call answers it: its values cut to {@value #VALUE_CHARS}
 * characters each (the whole value comes from {@code executions/{id}/arguments}, {@code /result}
 * and {@code /error}), its first steps (the rest from {@code executions/{id}/steps}), and its tasks.
 *
 * @param summary what a list shows of it
 * @param arguments its arguments, perhaps cut
 * @param argumentsChars the arguments' whole length
 * @param result its result, perhaps cut, or null
 * @param resultChars the result's whole length
 * @param error its structured error, perhaps cut, or null
 * @param errorChars the error's whole length
 * @param steps its first steps
 * @param moreSteps whether it has more
 * @param tasks its open tasks
 * @param stuck whether one of them does not move
 */
public record ExecutionView(ExecutionSummary summary, String arguments, int argumentsChars, String result,
                            int resultChars, String error, int errorChars, List<StepView> steps, boolean moreSteps,
                            List<TaskView> tasks, boolean stuck) {

    /** Values longer than this are cut in the detail call. */
    static final int VALUE_CHARS = 64 * 1024;

    static ExecutionView of(ExecutionDetail detail) {
        return new ExecutionView(detail.summary(), cut(detail.arguments()), length(detail.arguments()),
                cut(detail.result()), length(detail.result()), cut(detail.error()), length(detail.error()),
                detail.steps(), detail.moreSteps(), detail.tasks(), detail.stuck());
    }

    private static String cut(String value) {
        return value == null || value.length() <= VALUE_CHARS ? value : value.substring(0, VALUE_CHARS);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
