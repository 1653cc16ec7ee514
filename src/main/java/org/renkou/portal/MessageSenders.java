package org.renkou.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sender is chosen by {@code renkou.sms.sender}: "log" (the default) writes each text to the application
 * log, with the phone number and every number of four or more digits in the text (one-time codes, references)
 * masked, since a log is read by more people than the resident; "http" posts {@code {"phone", "text"}} as JSON
 * to {@code renkou.sms.gateway-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsSettings.class)
class MessageSenders {
    private static final Logger log = LoggerFactory.getLogger(MessageSenders.class);

    @Bean
    @ConditionalOnProperty(name = "renkou.sms.sender", havingValue = "log", matchIfMissing = true)
    MessageSender logSender() {
        return (phone, text) -> log.info("SMS to {}: {}", maskPhone(phone), maskNumbers(text));
    }

    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }

    static String maskNumbers(String text) {
        return text == null ? null : java.util.regex.Pattern.compile("\\d{4,}").matcher(text)
                .replaceAll(m -> "*".repeat(m.group().length()));
    }

    @Bean
    @ConditionalOnProperty(name = "renkou.sms.sender", havingValue = "http")
    MessageSender httpSender(SmsSettings settings, JsonMapper json) {
        URI gateway = settings.gatewayUrl();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return (phone, text) -> {
            HttpRequest request = HttpRequest.newBuilder(gateway).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of("phone", phone, "text", text))))
                    .build();
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("SMS gateway answered " + r.statusCode());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("SMS gateway not reachable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        };
    }
}
