package io.stent;

/**
 * Where the current thread runs inside a durable execution, for logging and tracing.
 *
 * @param executionId the execution
 * @param taskId the task being run
 * @param function the function of the running invocation (the workflow, or the step)
 * @param attempt the attempt of the task, or of the step inside it
 * @param position the step's position such as {@code 2.1}, or empty for the workflow body
 */
public record ExecutionInfo(String executionId, String taskId, String function, int attempt, String position) {

    /**
     * The fields as {@code execution=... task=... function=... attempt=...}, for log lines.
     *
     * @return the text
     */
    public String toLogString() {
        return "execution=" + executionId + " task=" + taskId + " function=" + function + " attempt=" + attempt
                + (position.isEmpty() ? "" : " step=" + position);
    }
}
