package org.renkou.exchange;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The dispatcher runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExchangeConfiguration {
}
