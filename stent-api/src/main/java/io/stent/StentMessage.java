package io.stent;

/**
 * One entry of a message catalogue: a stable code, the message it is raised with, and what to do
 * about it. Each Stent module keeps its codes in one catalogue (an enum of these), so a code is
 * defined once, means one thing, and the README's error table can list every one.
 */
public interface StentMessage {

    /**
     * The stable code.
     *
     * @return e.g. {@code STENT-1404}
     */
    String code();

    /**
     * The message, with {@code {}} where each argument goes, in order.
     *
     * @return the template
     */
    String template();

    /**
     * What to do about it, for operators and the README's error table.
     *
     * @return the advice
     */
    String remedy();

    /**
     * The message with its arguments, after its code: what a log line or an exception says.
     *
     * @param args the arguments, one per {@code {}}
     * @return e.g. {@code STENT-1404 no execution with id 'x' exists}
     */
    default String format(Object... args) {
        return code() + " " + fill(template(), args);
    }

    /**
     * The message with its arguments, without its code: what a problem report's detail says
     * beside the code.
     *
     * @param args the arguments, one per {@code {}}
     * @return the text
     */
    default String detail(Object... args) {
        return fill(template(), args);
    }

    /**
     * Fills a template: each {@code {}} takes the next argument; extra arguments are ignored and
     * missing ones leave the {@code {}}.
     *
     * @param template the template
     * @param args the arguments
     * @return the text
     */
    static String fill(String template, Object... args) {
        StringBuilder text = new StringBuilder(template.length() + 32 * args.length);
        int from = 0;
        int next = 0;
        for (int at = template.indexOf("{}"); at >= 0 && next < args.length; at = template.indexOf("{}", from)) {
            text.append(template, from, at).append(args[next++]);
            from = at + 2;
        }
        return text.append(template, from, template.length()).toString();
    }
}
