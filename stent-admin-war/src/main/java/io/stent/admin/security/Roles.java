package io.stent.admin.security;

import java.util.Set;

/** The console's two roles. */
public final class Roles {

    /** May see and change everything. */
    public static final String ADMIN = "stent-admin";
    /** May see everything and change nothing. */
    public static final String VIEWER = "stent-viewer";
    /** Both. */
    public static final Set<String> ALL = Set.of(ADMIN, VIEWER);

    private Roles() {
    }
}
