package org.renkou.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Public submissions allowed per client address and hour (renkou.portal.per-address-per-hour): generous,
 * since a whole factory or village may share one address; a phone has its own tight limit. Reminders go out
 * at {@code remindersCron} (renkou.portal.reminders-cron, Beijing time).
 */
@ConfigurationProperties("renkou.portal")
record PortalSettings(@DefaultValue("30") int perAddressPerHour,
                      @DefaultValue("0 0 8 * * *") String remindersCron) {
}
