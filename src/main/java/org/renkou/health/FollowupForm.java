package org.renkou.health;

import org.renkou.health.HealthCodes.FollowupOutcome;

/** How a cadre closes an absentee's follow-up (随访落实). */
public record FollowupForm(FollowupOutcome outcome, String note) {
}
