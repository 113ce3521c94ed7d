package io.stent.test;

import io.stent.StentMessage;

/** The catalogue of the test kit's codes. */
public enum KitMessages implements StentMessage {

    /** The clock's table could not be made. */
    CLOCK_TABLE("STENT-4001", "the test kit could not create its clock table",
            "Check that H2 is on the test class path (stent-test brings it)."),
    /** The kit's database failed. */
    DATABASE("STENT-4002", "the test kit could not {}", "Read the cause; the kit's in-memory H2 database failed."),
    /** A crash the test armed. */
    SIMULATED_CRASH("STENT-4003", "simulated crash {} (armed by the test)",
            "Nothing: the test armed it, and the execution resumes by replay."),
    /** A clock moved backwards. */
    CLOCK_BACKWARDS("STENT-4004", "the clock only moves forward; got {}", "Advance by zero or more."),
    /** Due work that did not finish. */
    NOT_IDLE("STENT-4005", "the due work did not finish within {} s: {} (a function this test does not deploy, a"
            + " step that blocks, or a concurrency limit?)",
            "Deploy every bean the workflow calls in @StentTest(beans), and make steps return."),
    /** A result asked of an execution that waits. */
    STILL_WAITING("STENT-4006", "execution {} is {} with nothing due: it waits for a signal or a time; send the"
            + " signal or advance the clock", "Send the signal (kit.signal) or advance the clock (kit.advance)."),
    /** No such execution. */
    NO_EXECUTION("STENT-4007", "no execution {}", "Use the id of a handle this test started."),
    /** The kit's database could not be cleared or dropped. */
    CLEAN_UP("STENT-4008", "the test kit could not {}", "Read the cause; the kit's in-memory H2 database failed."),
    /** A workflow replayed differently from its history. */
    NON_DETERMINISTIC("STENT-4009", "a workflow replayed differently from its history: {}",
            "Keep the order of durable calls of a version, or deploy the change as a new @Durable version."),
    /** The extension without its annotation. */
    NO_ANNOTATION("STENT-4010", "{} uses StentTestExtension without @StentTest",
            "Annotate the test class with @StentTest instead of @ExtendWith(StentTestExtension.class)."),
    /** The worker did not start. */
    NO_WORKER("STENT-4011", "Stent's worker did not start within {} s: {} {} (does the test deploy a @Durable bean?)",
            "List the beans with @Durable methods in @StentTest(beans)."),
    /** A config entry that is not key=value. */
    BAD_CONFIG("STENT-4012", "@StentTest(config) of {} needs key=value entries, got '{}'",
            "Write each entry as key=value."),
    /** A replayed line that is not an export. */
    NOT_AN_EXPORT("STENT-4013", "not an exported execution (a line of stent-cli executions export): {}",
            "Pass one line of stent-cli executions export, the console's Export or GET /api/executions/export."),
    /** JSON-B failed to close. */
    JSONB_CLOSE("STENT-4014", "JSON-B could not be closed", "Read the cause; the JSON-B provider failed.");

    private final String code;
    private final String template;
    private final String remedy;

    KitMessages(String code, String template, String remedy) {
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
