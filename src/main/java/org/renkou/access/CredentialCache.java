package org.renkou.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * API clients send their password with every call, and a password hash is slow on purpose (~50 ms).
 * A successful check is remembered for a minute under a SHA-256 of name and password, so a busy client
 * pays for one hash a minute. Changes of an account (password, role, areas, enabled) clear it; a failed login
 * does not: it says nothing about anyone's remembered right password.
 */
@Component
class CredentialCache {
    private static final Duration TTL = Duration.ofSeconds(60);

    private record Hit(Authentication auth, Instant expires) {
        boolean fresh() {
            return expires.isAfter(Instant.now());
        }
    }

    private final Map<String, Hit> hits = new ConcurrentHashMap<>();

    AuthenticationProvider wrap(AuthenticationProvider delegate) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                String key = key(request);
                Hit hit = hits.get(key);
                if (hit != null && hit.fresh()) {
                    return hit.auth();
                }
                if (hits.size() > 10_000) {
                    hits.clear();
                }
                // one hash per key at a time: when a busy client's entry expires, its concurrent calls wait for
                // that one check instead of each hashing the password (a burst of ~50 ms hashes per client)
                Authentication[] checked = new Authentication[1];
                Hit fresh = hits.compute(key, (k, old) -> {
                    if (old != null && old.fresh()) {
                        return old;
                    }
                    checked[0] = delegate.authenticate(request);
                    return checked[0] != null && checked[0].isAuthenticated()
                            ? new Hit(checked[0], Instant.now().plus(TTL)) : null;
                });
                return fresh != null ? fresh.auth() : checked[0];
            }

            @Override
            public boolean supports(Class<?> type) {
                return delegate.supports(type);
            }
        };
    }

    /** These very credentials were checked successfully within the minute. */
    boolean remembers(Authentication request) {
        Hit hit = hits.get(key(request));
        return hit != null && hit.fresh();
    }

    void clear() {
        hits.clear();
    }

    private static String key(Authentication request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String raw = request.getName() + "\u0000" + request.getCredentials();
            return HexFormat.of().formatHex(sha.digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
