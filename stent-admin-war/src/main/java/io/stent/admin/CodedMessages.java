package io.stent.admin;

/** Splits a message a catalogue made ({@code STENT-1705 no dead letter ...}) into its code and the rest. */
final class CodedMessages {

    private CodedMessages() {
    }

    /**
     * @param message a message that starts with its code
     * @return the code
     * @throws IllegalArgumentException for a message without one: a programming error
     */
    static String code(String message) {
        if (message == null || !message.matches("STENT-\\d{4} (?s).*")) {
            throw new IllegalArgumentException("a console error must start with its code, got: " + message);
        }
        return message.substring(0, 10);
    }

    /**
     * @param message a message that starts with its code
     * @return the message after the code
     */
    static String detail(String message) {
        return message.substring(11);
    }
}
