package io.stent.admin.security;

import io.stent.admin.ConsoleMessages;
import org.eclipse.microprofile.config.Config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console's users when {@code stent.console.auth=users}: {@code stent.console.users} lists their
 * names; {@code stent.console.user.<name>.password} and {@code stent.console.user.<name>.roles} give
 * each one's password (plain, or a Jakarta Security PBKDF2 hash) and roles.
 */
final class ConsoleUsers {

    static final String USERS_KEY = "stent.console.users";

    /** One configured user. */
    record User(String name, String password, Set<String> roles) {
    }

    private final Map<String, User> users;

    private ConsoleUsers(Map<String, User> users) {
        this.users = users;
    }

    /**
     * Reads and checks the user list.
     *
     * @param config the configuration
     * @return the users
     * @throws io.stent.StentArgumentException naming the key at fault
     */
    static ConsoleUsers from(Config config) {
        String names = config.getOptionalValue(USERS_KEY, String.class).orElse("");
        Map<String, User> users = new LinkedHashMap<>();
        for (String raw : names.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new io.stent.StentArgumentException(ConsoleMessages.BAD_USER_NAME, USERS_KEY, name);
            }
            String prefix = "stent.console.user." + name + ".";
            String password = config.getOptionalValue(prefix + "password", String.class).orElseThrow(() ->
                    new io.stent.StentArgumentException(ConsoleMessages.NO_PASSWORD, prefix, name));
            Set<String> roles = new LinkedHashSet<>();
            for (String role : config.getOptionalValue(prefix + "roles", String.class).orElse("").split(",")) {
                if (!role.isBlank() && !Roles.ALL.contains(role.trim())) {
                    throw new io.stent.StentArgumentException(ConsoleMessages.BAD_ROLES, prefix, "names '"
                            + role.trim() + "', which is not one of " + Roles.ADMIN + ", "
                            + Roles.VIEWER);
                }
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
            if (roles.isEmpty()) {
                throw new io.stent.StentArgumentException(ConsoleMessages.BAD_ROLES, prefix,
                        "is not set for console user '" + name + "'; give "
                        + Roles.ADMIN + " or " + Roles.VIEWER);
            }
            users.put(name, new User(name, password, Set.copyOf(roles)));
        }
        if (users.isEmpty()) {
            throw new io.stent.StentArgumentException(ConsoleMessages.NO_USERS, AuthMode.KEY, USERS_KEY);
        }
        return new ConsoleUsers(Map.copyOf(users));
    }

    /**
     * Finds a user.
     *
     * @param name the user name
     * @return the user, if configured
     */
    Optional<User> find(String name) {
        return Optional.ofNullable(users.get(name));
    }

    /**
     * Compares a plain password with a configured one in time that does not depend on where they differ.
     *
     * @param configured the configured password
     * @param given the password given at login
     * @return whether they are equal
     */
    static boolean plainMatches(String configured, char[] given) {
        byte[] expected = configured.getBytes(StandardCharsets.UTF_8);
        byte[] actual = new String(given).getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.isEqual(expected, actual);
        } finally {
            Arrays.fill(actual, (byte) 0);
        }
    }
}
