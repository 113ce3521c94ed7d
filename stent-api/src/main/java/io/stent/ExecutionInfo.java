package io.stent;

/**
 * Where the current thread runs inside a durable execution, for logging and tracing.
 *
 * @param executionId the execution
 * @param taskId the task being run
 * @param function the function of the running invocation (the workflow, or the step)
 * @param attempt the attempt of the task, or of the step inside it
 * @param position the step's position such as {@code 2.1}, or empty for the workflow body
 * @param version the function's version
 * @param traceParent the W3C {@code traceparent} of the call that started the execution, or null
 *     outside a trace: a tracer makes each attempt a child of it
 */
public record ExecutionInfo(String executionId, String taskId, String function, int attempt, String position,
                            int version, String traceParent) {

    /**
     * Where a thread runs, for a function at version 1 outside any trace.
     *
     * @param executionId the execution
     * @param taskId the task being run
     * @param function the function of the running invocation
     * @param attempt the attempt
     * @param position the step's position, or empty for the workflow body
     */
    public ExecutionInfo(String executionId, String taskId, String function, int attempt, String position) {
        this(executionId, taskId, function, attempt, position, 1, null);
    }

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
