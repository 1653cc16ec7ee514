package org.renkou.health;

import java.time.LocalDate;

/**
 * A birth policy rule set (生育政策) as dated data: in force from {@code validFrom} (inclusive) to
 * {@code validTo} (exclusive) in the areas whose code starts with {@code regionPrefix} ("" = everywhere).
 * A birth complies when its order is within {@code maxChildren} (null = no limit), or one above it with an
 * approved permit (再生育审批) when {@code permitAllowsMore}.
 */
public record PolicyRuleSet(Long id, String name, String regionPrefix, LocalDate validFrom, LocalDate validTo,
                            Integer maxChildren, Boolean permitAllowsMore, String note) {

    public boolean allowsMoreWithPermit() {
        return Boolean.TRUE.equals(permitAllowsMore);
    }
}
