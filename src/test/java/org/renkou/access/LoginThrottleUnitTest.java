package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleUnitTest {
    @Test
    void eachFailureAfterTheFreeOnesDoublesTheWaitUpToTheLongest() {
        LoginThrottle throttle = new LoginThrottle(new LoginProperties(2, Duration.ofSeconds(5), Duration.ofSeconds(20)));
        assertThat(throttle.failed("clerk")).isEmpty();
        assertThat(throttle.waitSeconds("clerk")).isZero();
        assertThat(throttle.failed("clerk")).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5)));
        assertThat(throttle.failed("clerk")).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10)));
        assertThat(throttle.failed("clerk")).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20)));
        assertThat(throttle.failed("clerk")).as("capped").hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(20)));
        assertThat(throttle.waitSeconds("clerk")).isBetween(19L, 20L);
        assertThat(throttle.waitSeconds("someone-else")).as("other accounts are untouched").isZero();
        throttle.succeeded("clerk");
        assertThat(throttle.waitSeconds("clerk")).isZero();
        assertThat(throttle.failed("clerk")).as("a success starts the count again").isEqualTo(Optional.empty());
    }
}
