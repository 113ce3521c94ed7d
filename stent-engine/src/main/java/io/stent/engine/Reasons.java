package io.stent.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The reason a failure gives, from its whole cause chain, each part once: wrappers that repeat
 * their cause's message add nothing, so a message built from it says everything once and needs
 * no cause chain to be understood.
 */
final class Reasons {

    private Reasons() {
    }

    /**
     * @param failure the failure
     * @return its messages from the outermost in, without repeats; the class name where one has none
     */
    static String of(Throwable failure) {
        List<String> parts = new ArrayList<>();
        String joined = "";
        for (Throwable t = failure; t != null && parts.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getName()
                    : t.getMessage();
            if (!joined.contains(message)) {
                // an outer message that is just its cause's toString() adds nothing
                parts.removeIf(message::contains);
                parts.add(message);
                joined = String.join(": ", parts);
            }
        }
        return joined;
    }
}
