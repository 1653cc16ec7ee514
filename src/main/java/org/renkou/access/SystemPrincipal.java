package org.renkou.access;

import static org.renkou.access.Permission.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The application's own work that no signed-in user asked for, each under its own name (shown in the audit
 * log) and with only what it needs. Runs through {@link AccessService#runAs}.
 */
public enum SystemPrincipal {
    /** Applies the messages peer nodes deliver (verification requests, feedback, notices). */
    EXCHANGE("system:exchange", EnumSet.of(APPLY_EXCHANGE_MESSAGES)),
    /** The morning reminders of the public portal: who has an appointment or a check due, and their phone. */
    REMINDERS("system:reminders", EnumSet.of(READ_PERSONS, READ_RESIDENTS, READ_HEALTH)),
    /** Creates the first administrator of an empty database. */
    FIRST_ADMINISTRATOR("system:first-administrator", EnumSet.of(ADMINISTER)),
    /** Writes the synthetic demo town into an empty database. */
    DEMO("system:demo", EnumSet.of(READ_PERSONS, READ_RESIDENTS, WRITE_REGISTER, READ_HEALTH, WRITE_HEALTH,
            MANAGE_SUPPORT, READ_SUPPORT, MANAGE_SUPPLIES, MANAGE_OUTREACH, TOWN_OFFICE, ADMINISTER)),
    /** Start-up housekeeping: import jobs cut off by a restart. */
    IMPORTS("system:imports", EnumSet.of(WRITE_REGISTER));

    private final String username;
    private final Set<Permission> permissions;

    SystemPrincipal(String username, EnumSet<Permission> permissions) {
        this.username = username;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    public String username() {
        return username;
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
