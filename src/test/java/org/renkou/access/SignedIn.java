package org.renkou.access;

import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** For tests that call services directly: the work runs signed in as an existing account, as a request would. */
public final class SignedIn {
    private SignedIn() {
    }

    public static <T> T as(ApplicationContext ctx, String username, Supplier<T> work) {
        RenkouPrincipal principal = new RenkouPrincipal(ctx.getBean(UserService.class).find(username).orElseThrow());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Signs the test thread in as the account until {@link #end()}. */
    public static void begin(ApplicationContext ctx, String username) {
        RenkouPrincipal principal = new RenkouPrincipal(ctx.getBean(UserService.class).find(username).orElseThrow());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static void end() {
        SecurityContextHolder.clearContext();
    }

    public static void as(ApplicationContext ctx, String username, Runnable work) {
        as(ctx, username, () -> {
            work.run();
            return null;
        });
    }
}
