package org.renkou.health;

import java.time.LocalDate;

/**
 * An item of a cadre's task list: a campaign absentee to follow up (closed with an outcome), or a reminder
 * (IUD check due, postpartum visit) that goes away once the thing is done.
 */
public record Task(Kind kind, long personId, String name, String maskedIdNumber, String villageCode, LocalDate due,
                   Long campaignId, String detail) {
    public enum Kind { CAMPAIGN_ABSENTEE, IUD_CHECK_DUE, POSTPARTUM_VISIT }
}
