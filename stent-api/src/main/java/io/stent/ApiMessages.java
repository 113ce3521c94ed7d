package io.stent;

/**
 * The catalogue of the codes the public API raises: compare them with {@link StentException#code()}.
 */
public enum ApiMessages implements StentMessage {

    /** A start or step names a function this deployment does not register. */
    UNREGISTERED_FUNCTION("STENT-1001", "no durable function named '{}' is registered in this deployment; registered:"
            + " {}. Check the @Durable name, or deploy the code that declares it.",
            "Check the name in the call or the start; deploy the code that declares the function."),
    /** An idempotency key that is empty or too long. */
    BAD_IDEMPOTENCY_KEY("STENT-1101", "idempotency key must be 1 to 200 non-blank characters, got '{}'",
            "Use a key of 1 to 200 characters that names the operation, e.g. order-4711."),
    /** A negative start delay. */
    NEGATIVE_DELAY("STENT-1109", "delay must not be negative, got {}", "Pass zero or a positive delay."),
    /** A deadline that is zero or negative. */
    BAD_DEADLINE("STENT-1110", "deadline must be positive, got {}", "Pass a positive deadline, or none."),
    /** An idempotency key reused for another call. */
    IDEMPOTENCY_KEY_CONFLICT("STENT-1116", "idempotency key '{}' belongs to execution {}, which is another call: {}."
            + " Use another key for another operation.",
            "Derive keys from the operation (function and arguments), or set stent.start.idempotency-conflict="
                    + "return-existing to get the first execution back."),
    /** A replay made a different durable call than the one recorded at a position. */
    NON_DETERMINISTIC("STENT-1301", "execution {} recorded a call of '{}' at step {} but the replay called '{}' there."
            + " The workflow's durable calls must happen in the same order on every replay; deploy the change as a"
            + " new @Durable version instead.",
            "Keep the order of durable calls of a version; deploy a changed workflow as a new version, and check it"
                    + " with the test kit's replay of exported histories."),
    /** The execution a caller waits for failed. */
    EXECUTION_FAILED("STENT-1401", "execution {} failed with {}: {}",
            "Read the dead letter in the console; fix the cause and replay it."),
    /** A failure recorded for a step, rethrown on replay. */
    RECORDED_FAILURE("STENT-1402", "{}: {}", "The step failed earlier; its recorded failure is rethrown."),
    /** A direct call stopped waiting; the execution goes on. */
    AWAIT_TIMEOUT("STENT-1403", "execution {} did not finish within {}; it goes on running. Await it again by id, or"
            + " raise stent.await-timeout.", "Await the handle again, or start the workflow with Stent.start."),
    /** No execution with that id. */
    EXECUTION_NOT_FOUND("STENT-1404", "no execution with id '{}' exists (it may have been removed by retention)",
            "Check the id; an execution that ended long ago may have been deleted by retention."),
    /** The execution was cancelled. */
    EXECUTION_CANCELLED("STENT-1407", "execution {} was cancelled", "Nothing: an operator or the application asked."),
    /** The execution passed its deadline. */
    EXECUTION_EXPIRED("STENT-1408", "execution {} passed its deadline",
            "Give the execution a later deadline, or make its work faster."),
    /** An action on an execution that has finished. */
    EXECUTION_FINISHED("STENT-1409", "cannot {}: execution {} has already finished",
            "Nothing to do: it ended before the request."),
    /** No signal arrived within its wait. */
    SIGNAL_TIMEOUT("STENT-1410", "{}", "Catch SignalTimeoutException in the workflow to go on without the signal."),
    /** A step attempt ran past its timeout. */
    STEP_TIMEOUT("STENT-1411", "{}", "Raise the step's timeout, or make it faster; it is retried by its policy."),
    /** A number out of range: a page size, an offset, a query parameter. */
    BAD_NUMBER("STENT-1701", "{} '{}' is not a whole number from {} to {}",
            "Pass a whole number in the range the message gives (a page holds 1 to 500 rows)."),
    /** A schedule's catch-up limit or grace out of range. */
    BAD_SCHEDULE_POLICY("STENT-1802", "{}", "Use a catch-up limit of at least 1 and a grace period of zero or more.");

    private final String code;
    private final String template;
    private final String remedy;

    ApiMessages(String code, String template, String remedy) {
        this.code = code;
        this.template = template;
        this.remedy = remedy;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public String remedy() {
        return remedy;
    }
}
