package org.renkou.referrals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** A referral not answered within {@code deadlineDays} of being made is overdue: a task of the town office. */
@ConfigurationProperties("renkou.referrals")
record ReferralSettings(@DefaultValue("15") int deadlineDays) {
}
