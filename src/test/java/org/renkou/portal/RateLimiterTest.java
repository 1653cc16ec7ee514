package org.renkou.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void countsEachKeyApartWithinTheHour() {
        RateLimiter limiter = new RateLimiter(new PortalSettings(30, "0 0 8 * * *"));
        for (int i = 0; i < RateLimiter.PER_PHONE_PER_HOUR; i++) {
            assertThat(limiter.allow("phone:1", RateLimiter.PER_PHONE_PER_HOUR)).isTrue();
        }
        assertThat(limiter.allow("phone:1", RateLimiter.PER_PHONE_PER_HOUR)).isFalse();
        assertThat(limiter.allow("phone:2", RateLimiter.PER_PHONE_PER_HOUR)).as("another phone").isTrue();
        for (int i = 0; i < 2_000; i++) {
            limiter.allow("addr:" + i, limiter.perAddress);
        }
        assertThat(limiter.allow("phone:1", RateLimiter.PER_PHONE_PER_HOUR)).as("still limited after a sweep").isFalse();
    }
}
