package io.stent.admin.security;

import io.stent.admin.ConsoleMessages;
import java.util.Arrays;
import java.util.Locale;

/** How the console authenticates its users, chosen by {@code stent.console.auth}. */
public enum AuthMode {

    /** The server's own security realm (HTTP Basic through the web module's login configuration). */
    REALM,
    /** A fixed list of users from MicroProfile Config, with a login form and HTTP Basic (demos, small teams). */
    USERS,
    /** An OpenID Connect provider (Jakarta Security's OpenID Connect mechanism); roles from a claim of groups. */
    OIDC;

    /** The configuration key. */
    public static final String KEY = "stent.console.auth";

    /**
     * Reads a configured value.
     *
     * @param value the value of {@value #KEY}, or null for the default
     * @return the mode
     * @throws io.stent.StentArgumentException naming the key and the accepted values when the value is unknown
     */
    public static AuthMode parse(String value) {
        if (value == null || value.isBlank()) {
            return REALM;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.stent.StentArgumentException(ConsoleMessages.BAD_AUTH_MODE, KEY, value,
                    Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }
}
