package org.renkou.access;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Keeps password guessing slow without handing out a lock-out switch. Failures are counted per client address
 * and account together, so guesses from elsewhere never stop the account's owner; past a few free failures each
 * one makes that address wait, with growing delays, and a login while it waits is refused unchecked (429 with
 * Retry-After, no thread held). The right password still works from a known client: an API client whose check
 * is remembered, and a browser that signed in to the account before (a signed cookie puts its failures in a
 * bucket of their own, which a stranger's guesses do not fill). Browser sessions already signed in are untouched.
 */
@Component
class LoginThrottle {
    static final String KNOWN_BROWSER = "RENKOU_KNOWN";
    private static final Duration KNOWN_BROWSER_AGE = Duration.ofDays(90);

    private record Failures(int count, long lastMillis, long blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private final LoginProperties settings;
    private final byte[] cookieKey = new byte[32];

    LoginThrottle(LoginProperties settings) {
        this.settings = settings;
        new SecureRandom().nextBytes(cookieKey);
    }

    /** Refuses a login unchecked while its address and account wait, unless the cache knows these credentials. */
    AuthenticationProvider wrap(AuthenticationProvider delegate, CredentialCache cache) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                long wait = waitSeconds(request.getName());
                if (wait > 0 && !cache.remembers(request)) {
                    throw new LoginThrottledException(wait);
                }
                return delegate.authenticate(request);
            }

            @Override
            public boolean supports(Class<?> type) {
                return delegate.supports(type);
            }
        };
    }

    long waitSeconds(String username) {
        Failures f = failures.get(key(username));
        long left = f == null ? 0 : f.blockedUntil() - clock.millis();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    /** Counts a wrong password; answers the delay it starts, if it starts one. */
    Optional<Duration> failed(String username) {
        long now = clock.millis();
        if (failures.size() > 50_000) {
            failures.values().removeIf(f -> stale(f, now));
        }
        Failures f = failures.compute(key(username), (k, old) -> {
            int count = old == null || stale(old, now) ? 1 : old.count() + 1;
            long delay = delayAfter(count).toMillis();
            return new Failures(count, now, delay == 0 ? 0 : now + delay);
        });
        return f.blockedUntil() == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(f.blockedUntil() - now));
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    /** An administrator's "unlock": every address may try this account again at once. */
    void forget(String username) {
        failures.keySet().removeIf(k -> k.endsWith("\u0000" + username));
    }

    /** After a form login: this browser is known for this account. */
    void rememberBrowser(HttpServletRequest request, HttpServletResponse response, String username) {
        Cookie cookie = new Cookie(KNOWN_BROWSER, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(username.getBytes(StandardCharsets.UTF_8)) + "." + signature(username));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) KNOWN_BROWSER_AGE.toSeconds());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }

    private Duration delayAfter(int count) {
        if (count < settings.freeFailures()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - settings.freeFailures(), 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    /** Failures are forgotten once an address has left the account alone for twice the longest delay. */
    private boolean stale(Failures f, long now) {
        return f.lastMillis() + 2 * settings.maxDelay().toMillis() < now;
    }

    /** The bucket of the current request: its address, the account, and whether the browser is known for it. */
    private String key(String username) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        String address = request == null ? "-" : request.getRemoteAddr();
        return address + (knownBrowser(request, username) ? "\u0000known" : "") + "\u0000" + username;
    }

    private boolean knownBrowser(HttpServletRequest request, String username) {
        if (request == null || request.getCookies() == null) {
            return false;
        }
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8))
                + "." + signature(username);
        for (Cookie c : request.getCookies()) {
            if (KNOWN_BROWSER.equals(c.getName()) && MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.UTF_8), c.getValue().getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private String signature(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cookieKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
