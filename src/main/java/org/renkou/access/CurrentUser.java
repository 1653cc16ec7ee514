package org.renkou.access;

import java.util.Set;
import org.renkou.common.AreaScope;

/** The signed-in user (or a named system principal) as the other features need to know them. */
public record CurrentUser(String username, String displayName, Set<Permission> permissions, AreaScope scope) {
    public CurrentUser {
        permissions = Set.copyOf(permissions);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** The police liaison: floating people only, the registered residents are not theirs to read. */
    public boolean floatingOnly() {
        return !has(Permission.READ_RESIDENTS);
    }
}
