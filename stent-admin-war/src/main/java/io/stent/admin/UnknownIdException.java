package io.stent.admin;

/** An id that names nothing in the store; answered 404. */
public class UnknownIdException extends io.stent.StentException {

    private static final long serialVersionUID = 1L;

    /**
     * An unknown id.
     *
     * @param message what was not found, starting with its STENT code
     */
    public UnknownIdException(String message) {
        super(CodedMessages.code(message), CodedMessages.detail(message));
    }
}
