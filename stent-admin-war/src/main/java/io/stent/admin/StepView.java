package io.stent.admin;

import io.stent.engine.store.StepRecord;

/**
 * A recorded step as the console shows it.
 *
 * @param position the step's position, e.g. {@code 2} or {@code 2.1}
 * @param function the called function
 * @param status COMPLETED or FAILED
 * @param attempts attempts it took
 * @param durationMillis duration of the last attempt
 * @param arguments the stored arguments
 * @param output the stored result or error
 */
public record StepView(String position, String function, String status, int attempts, long durationMillis,
                       String arguments, String output) {

    static StepView of(StepRecord step) {
        String position = step.parentPath().isEmpty() ? Integer.toString(step.seq())
                : step.parentPath() + "." + step.seq();
        return new StepView(position, step.functionName(), step.status().name(), step.attempts(),
                step.durationMillis(), step.arguments(), step.output());
    }
}
