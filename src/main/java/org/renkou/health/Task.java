package org.renkou.health;

import java.time.LocalDate;

/**
 * An item of a cadre's task list: a campaign absentee to follow up (closed with an outcome), or a reminder
 * (IUD check due, postpartum visit) that goes away once the thing is done, or another feature's work item
 * (an overdue referral); {@code href} is the page where the next step is taken.
 */
public record Task(Kind kind, long personId, String name, String maskedIdNumber, String villageCode, LocalDate due,
                   Long campaignId, String detail, String href) {
    public enum Kind { CAMPAIGN_ABSENTEE, IUD_CHECK_DUE, POSTPARTUM_VISIT, REFERRAL_OVERDUE }

    /** A health task: the next step is on the woman's page. */
    public Task(Kind kind, long personId, String name, String maskedIdNumber, String villageCode, LocalDate due,
                Long campaignId, String detail) {
        this(kind, personId, name, maskedIdNumber, villageCode, due, campaignId, detail, "/health/women/" + personId);
    }
}
