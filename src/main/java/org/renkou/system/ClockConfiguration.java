package org.renkou.system;

import java.time.Clock;
import org.renkou.common.Dates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock "today" is read from (China's calendar), one bean so that tests and features agree on the date. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(Dates.ZONE);
    }
}
