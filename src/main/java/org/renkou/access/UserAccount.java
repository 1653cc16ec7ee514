package org.renkou.access;

import java.time.Instant;
import java.util.List;

/** A staff account. {@code areaCodes} are the areas a village cadre, grid worker or police liaison covers. */
public record UserAccount(long id, String username, String passwordHash, String displayName, Role role,
                          List<String> areaCodes, boolean enabled, int failedLogins, Instant lockedUntil) {
    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(Instant.now());
    }
}
