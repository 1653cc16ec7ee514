package org.renkou;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.renkou.portal.MessageSender;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Texts the application would send to phones, kept for tests to read (one-time codes, reminders). */
@TestConfiguration(proxyBeanMethods = false)
public class SentMessages {
    public record Sent(String phone, String text) {
    }

    public static final List<Sent> SENT = new CopyOnWriteArrayList<>();

    @Bean
    @Primary
    MessageSender capturingSender() {
        return (phone, text) -> SENT.add(new Sent(phone, text));
    }

    /** The last text sent to the phone. */
    public static String lastTo(String phone) {
        for (int i = SENT.size() - 1; i >= 0; i--) {
            if (SENT.get(i).phone().equals(phone)) {
                return SENT.get(i).text();
            }
        }
        return null;
    }
}
