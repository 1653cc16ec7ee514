package org.renkou.exchange;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The dispatcher runs on Spring's scheduler; the endpoint's limits are typed settings. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ExchangeProperties.class)
class ExchangeConfiguration {
}
