package org.renkou.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Throttling of password guesses per client address and account: {@code freeFailures} wrong passwords in a row
 * cost nothing, then each further one makes that address wait before it may try that account again, starting
 * at {@code firstDelay} and doubling up to {@code maxDelay}.
 */
@ConfigurationProperties("renkou.login")
record LoginProperties(@DefaultValue("5") int freeFailures, @DefaultValue("5s") Duration firstDelay,
                       @DefaultValue("15m") Duration maxDelay) {
}
