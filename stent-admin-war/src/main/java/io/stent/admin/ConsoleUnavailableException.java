package io.stent.admin;

/** The console cannot answer yet (its database has no Stent tables, or older ones); answered 503. */
public class ConsoleUnavailableException extends io.stent.StentException {

    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message what is missing and what to do, starting with its STENT code
     */
    public ConsoleUnavailableException(String message) {
        super(CodedMessages.code(message), CodedMessages.detail(message));
    }
}
