package io.stent.cli;

/** A failure the command line reports in one line, with the exit code it ends with. */
final class CliFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Bad usage: an unknown command, a missing argument. */
    static final int USAGE = 1;
    /** The console cannot be reached (bad URL, nothing listening, not a Stent console). */
    static final int UNREACHABLE = 2;
    /** Wrong credentials, or a role that may not do this. */
    static final int REFUSED = 3;
    /** An unknown id, or a request the console turned down. */
    static final int REJECTED = 4;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
