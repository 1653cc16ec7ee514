package org.renkou.migration;

import org.renkou.exchange.ExchangeHandler;
import org.renkou.exchange.IncomingMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What this feature does with the exchange's messages: requests from other towns, feedback to ours. */
@Configuration(proxyBeanMethods = false)
class VerificationHandlers {

    @Bean
    ExchangeHandler verificationRequests(MigrationService migration) {
        return handler(MigrationService.REQUEST, migration::received);
    }

    @Bean
    ExchangeHandler verificationFeedback(MigrationService migration) {
        return handler(MigrationService.FEEDBACK, migration::answered);
    }

    @Bean
    ExchangeHandler notices(FloatingService floating) {
        return handler(FloatingService.NOTICE, floating::noticeReceived);
    }

    private static ExchangeHandler handler(String kind, java.util.function.Consumer<IncomingMessage> action) {
        return new ExchangeHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void handle(IncomingMessage message) {
                action.accept(message);
            }
        };
    }
}
