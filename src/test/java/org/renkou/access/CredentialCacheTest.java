package org.renkou.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

class CredentialCacheTest {
    private final AtomicInteger checks = new AtomicInteger();

    /** Stands for the slow password hash: accepts "secret" only. */
    private final AuthenticationProvider slowCheck = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            sleep(50);
            if (!"secret".equals(request.getCredentials())) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> type) {
            return true;
        }
    };

    @Test
    void concurrentCallsOfOneClientHashThePasswordOnce() throws Exception {
        AuthenticationProvider cached = new CredentialCache().wrap(slowCheck);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Authentication>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return cached.authenticate(login("secret"));
            }));
        }
        start.countDown();
        for (Future<Authentication> call : calls) {
            assertThat(call.get().isAuthenticated()).isTrue();
        }
        pool.shutdown();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        CredentialCache cache = new CredentialCache();
        AuthenticationProvider cached = cache.wrap(slowCheck);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cached.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(2);
        cached.authenticate(login("secret"));
        cache.clear();
        cached.authenticate(login("secret"));
        assertThat(checks).hasValue(4);
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("api-client", password);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
