package io.stent.store;

/**
 * Tells whether a text is exactly one JSON value (RFC 8259), and if not, what is wrong where. It
 * only checks the syntax; nothing is built.
 */
final class JsonShape {

    private final String text;
    private int at;

    private JsonShape(String text) {
        this.text = text;
    }

    /**
     * Checks a text.
     *
     * @param text the text
     * @return null if it is one JSON value, otherwise what is wrong and at which character
     */
    static String problem(String text) {
        JsonShape shape = new JsonShape(text);
        try {
            shape.space();
            shape.value(0);
            shape.space();
            if (shape.at < text.length()) {
                throw shape.error("text after the value");
            }
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private void value(int depth) {
        if (depth > 200) {
            throw error("nested deeper than 200 levels");
        }
        char c = peek();
        switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> word("true");
            case 'f' -> word("false");
            case 'n' -> word("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw error("unexpected " + (c == 0 ? "end" : "'" + c + "'"));
                }
            }
        }
    }

    private void object(int depth) {
        at++;
        space();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("a member name in quotes expected");
            }
            string();
            space();
            expect(':');
            space();
            value(depth + 1);
            space();
            if (peek() == ',') {
                at++;
            } else {
                expect('}');
                return;
            }
        }
    }

    private void array(int depth) {
        at++;
        space();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            space();
            value(depth + 1);
            space();
            if (peek() == ',') {
                at++;
            } else {
                expect(']');
                return;
            }
        }
    }

    private void string() {
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw error("a control character inside a string");
            }
            if (c == '\\') {
                char escaped = peek();
                at++;
                if (escaped == 'u') {
                    for (int i = 0; i < 4; i++) {
                        if (Character.digit(peek(), 16) < 0) {
                            throw error("a bad \\u escape");
                        }
                        at++;
                    }
                } else if ("\"\\/bfnrt".indexOf(escaped) < 0 || escaped == 0) {
                    throw error("a bad escape");
                }
            }
        }
        throw error("an unterminated string");
    }

    private void number() {
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else {
            digits();
        }
        if (peek() == '.') {
            at++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            digits();
        }
    }

    private void digits() {
        if (peek() < '0' || peek() > '9') {
            throw error("a digit expected");
        }
        while (peek() >= '0' && peek() <= '9') {
            at++;
        }
    }

    private void word(String word) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected '" + peek() + "'");
        }
        at += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private void space() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : 0;
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException(what + " at character " + (at + 1));
    }
}
