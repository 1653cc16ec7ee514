package org.renkou.exchange;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts refused messages per client address in one-minute windows: an address over the limit is turned away
 * (without checking signatures, writing the database or the log) until its window ends.
 */
@Component
class RefusedSenders {
    private static final long MINUTE_MS = 60_000;

    private record Window(long start, int refused) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final int limit;

    RefusedSenders(ExchangeProperties limits) {
        this.limit = limits.refusalsPerAddressPerMinute();
    }

    /** Seconds until the address may deliver again; 0 when it may now. */
    long waitSeconds(String address) {
        long now = clock.millis();
        Window w = windows.get(address);
        if (w == null || w.refused() < limit || w.start() + MINUTE_MS <= now) {
            return 0;
        }
        return Math.max(1, (w.start() + MINUTE_MS - now + 999) / 1000);
    }

    /** Counts one refusal; false once the address is over its limit. */
    boolean refused(String address) {
        long now = clock.millis();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> w.start() + MINUTE_MS <= now);
        }
        Window w = windows.compute(address, (k, old) -> old == null || old.start() + MINUTE_MS <= now
                ? new Window(now, 1) : new Window(old.start(), old.refused() + 1));
        return w.refused() <= limit;
    }
}
