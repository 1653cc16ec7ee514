package org.renkou.access;

import org.renkou.common.AreaScope;

/** The signed-in user as the other features need to know them. */
public record CurrentUser(String username, String displayName, Role role, AreaScope scope) {
    /** For work done by the system itself (start-up, the demo generator, scheduled jobs). */
    public static final CurrentUser SYSTEM = new CurrentUser("system", "system", Role.ADMIN, AreaScope.EVERYTHING);
}
