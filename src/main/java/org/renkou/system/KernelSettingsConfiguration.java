package org.renkou.system;

import org.renkou.common.NodeSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The shared kernel's settings are bound here, since common holds no wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NodeSettings.class)
class KernelSettingsConfiguration {
}
