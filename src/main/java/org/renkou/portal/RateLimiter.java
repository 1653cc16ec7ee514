package org.renkou.portal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Counts public submissions per key (a client address, a phone) in a sliding hour. Addresses get a generous
 * limit, since a whole factory or village may share one; a phone gets a tight one.
 */
@Component
@EnableConfigurationProperties(PortalSettings.class)
class RateLimiter {
    static final int PER_PHONE_PER_HOUR = 5;
    private static final long HOUR_MS = 3_600_000;

    private final Map<String, Deque<Long>> hits = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    /** Per client address and hour ({@code renkou.portal.per-address-per-hour}). */
    final int perAddress;

    RateLimiter(PortalSettings settings) {
        this.perAddress = settings.perAddressPerHour();
    }

    private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    /** Counts one hit and answers whether it is within the limit. */
    boolean allow(String key, int limit) {
        long now = clock.millis();
        if (calls.incrementAndGet() % 1_000 == 0) {
            // forget keys not seen for an hour, so the map does not grow with every address ever seen
            hits.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast() < now - HOUR_MS;
                }
            });
        }
        Deque<Long> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - HOUR_MS) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
