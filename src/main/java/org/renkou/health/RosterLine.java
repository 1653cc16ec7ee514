package org.renkou.health;

import java.time.LocalDate;
import org.renkou.health.HealthCodes.CheckResult;
import org.renkou.health.HealthCodes.FollowupOutcome;

/** A woman on a campaign's roster: checked (when, with what result) or not, and her follow-up if absent. */
public record RosterLine(long campaignId, String campaignName, LocalDate campaignEndsOn, long personId, String name,
                         String maskedIdNumber, String villageCode, String gridCode, LocalDate checkedOn,
                         CheckResult result, FollowupOutcome followupOutcome, String followupNote,
                         LocalDate followupClosedOn) {
}
