package io.stent.admin;

/** A request parameter the API cannot accept; answered 400 naming the parameter. */
public class BadParameterException extends io.stent.StentArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * A bad parameter.
     *
     * @param parameter its name
     * @param message what is wrong, starting with its STENT code
     */
    public BadParameterException(String parameter, String message) {
        super(CodedMessages.code(message), CodedMessages.detail(message));
        this.parameter = parameter;
    }

    /** @return the parameter's name */
    public String parameter() {
        return parameter;
    }
}
