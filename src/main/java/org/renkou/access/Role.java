package org.renkou.access;

import static org.renkou.access.Permission.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.renkou.common.AreaScope;

/**
 * What a user is in the town's work. The one place that says which permissions each role holds (DOMAIN.md
 * "who works with the register"); everything else asks for a {@link Permission}.
 */
public enum Role {
    /** 系统管理员: users, code tables, everything on this node. */
    ADMIN(Reach.WHOLE_NODE, EnumSet.allOf(Permission.class)),
    /** 县级计生办: the county's towns, the town office's work without user administration. */
    COUNTY_OFFICER(Reach.AREAS, EnumSet.complementOf(EnumSet.of(ADMINISTER, APPLY_EXCHANGE_MESSAGES))),
    /** 镇计生办: their town; it submits its reports and does not review them. */
    TOWN_OFFICER(Reach.AREAS, EnumSet.complementOf(EnumSet.of(ADMINISTER, APPLY_EXCHANGE_MESSAGES, REVIEW_SUBMISSIONS))),
    /** 村居专干: their village-level units only. */
    VILLAGE_CADRE(Reach.AREAS, EnumSet.of(READ_PERSONS, READ_RESIDENTS, SEE_WHOLE_ID_NUMBERS, WRITE_REGISTER, REVIEW_DUPLICATES, READ_HEALTH,
            WRITE_HEALTH, HANDLE_PUBLIC_REQUESTS, READ_SUPPORT, MANAGE_SUPPORT, READ_FLOATING, MANAGE_SUPPLIES,
            MANAGE_OUTREACH, READ_AGGREGATES, READ_CADRE_TEAM)),
    /** 网格员: their grids only; health services are recorded by cadres and the clinic. */
    GRID_WORKER(Reach.AREAS, EnumSet.of(READ_PERSONS, READ_RESIDENTS, SEE_WHOLE_ID_NUMBERS, WRITE_REGISTER, READ_HEALTH,
            HANDLE_PUBLIC_REQUESTS, READ_SUPPORT, MANAGE_SUPPORT, READ_FLOATING, MANAGE_SUPPLIES, MANAGE_OUTREACH,
            READ_AGGREGATES)),
    /** 派出所民警: the floating people of their area, read-only; no support or health data. */
    POLICE(Reach.AREAS, EnumSet.of(READ_PERSONS, SEE_WHOLE_ID_NUMBERS, READ_FLOATING, READ_AGGREGATES, ANSWER_REFERRALS)),
    /** 卫生院: the register with masked numbers and the health records; no support data. */
    CLINIC(Reach.AREAS, EnumSet.of(READ_PERSONS, READ_RESIDENTS, READ_HEALTH, WRITE_HEALTH, READ_AGGREGATES, ANSWER_REFERRALS)),
    /** 区卫健局: aggregates only, no personal records; the whole node when no area is given. */
    SUPERVISOR(Reach.AREAS_OR_WHOLE_NODE, EnumSet.of(READ_AGGREGATES, REVIEW_SUBMISSIONS));

    /** How far an account of the role reaches: its area codes, or the whole node. */
    private enum Reach { WHOLE_NODE, AREAS_OR_WHOLE_NODE, AREAS }

    private final Reach reach;
    private final Set<Permission> permissions;

    Role(Reach reach, EnumSet<Permission> permissions) {
        this.reach = reach;
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * The areas an account of this role covers: the administrator the whole node; the district supervisor its
     * areas, or the whole node without any; everyone else exactly their area codes (a town officer their
     * town, a county officer their county).
     */
    public AreaScope scope(List<String> areaCodes) {
        return reach == Reach.WHOLE_NODE || (reach == Reach.AREAS_OR_WHOLE_NODE && areaCodes.isEmpty())
                ? AreaScope.EVERYTHING : AreaScope.of(areaCodes);
    }

    /** Whether an account of this role may be without area codes. */
    public boolean needsAreas() {
        return reach == Reach.AREAS;
    }
}
