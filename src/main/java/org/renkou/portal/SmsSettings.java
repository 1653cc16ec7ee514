package org.renkou.portal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** With renkou.sms.sender=http, texts are posted as JSON to {@code gatewayUrl} (renkou.sms.gateway-url). */
@ConfigurationProperties("renkou.sms")
record SmsSettings(URI gatewayUrl) {
}
