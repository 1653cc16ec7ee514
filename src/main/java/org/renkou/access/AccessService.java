package org.renkou.access;

import java.util.function.Supplier;
import org.renkou.common.AreaScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Who is asking, and the one check every feature makes before it reads or writes: {@link #require}. Fails
 * closed: with no authentication (a background thread, a forgotten context) every call is refused; background
 * work names its {@link SystemPrincipal} with {@link #runAs}.
 */
@Service
public class AccessService {

    /** The caller; refused when no one is signed in. */
    public CurrentUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof RenkouPrincipal p) {
            UserAccount a = p.account();
            return new CurrentUser(a.username(), a.displayName(), a.role().permissions(), a.role().scope(a.areaCodes()));
        }
        if (auth instanceof SystemAuthentication s) {
            SystemPrincipal sp = s.getPrincipal();
            return new CurrentUser(sp.username(), sp.username(), sp.permissions(), AreaScope.EVERYTHING);
        }
        throw new AccessDeniedException("not signed in");
    }

    /** The caller, if they hold the permission; refused otherwise. */
    public CurrentUser require(Permission permission) {
        CurrentUser user = current();
        if (!user.has(permission)) {
            throw new AccessDeniedException(user.username() + " lacks " + permission);
        }
        return user;
    }

    /** Whether the caller holds the permission (false when no one is signed in). */
    public boolean has(Permission permission) {
        try {
            return current().has(permission);
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /** Runs background work as a named system principal, then restores whatever context the thread had. */
    public <T> T runAs(SystemPrincipal principal, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(new SystemAuthentication(principal));
        SecurityContextHolder.setContext(ctx);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    public void runAs(SystemPrincipal principal, Runnable work) {
        runAs(principal, () -> {
            work.run();
            return null;
        });
    }

    /** The authentication of a system principal: never from a request, only from {@link #runAs}. */
    static final class SystemAuthentication extends AbstractAuthenticationToken {
        private final SystemPrincipal principal;

        SystemAuthentication(SystemPrincipal principal) {
            super(principal.permissions().stream().map(p -> new SimpleGrantedAuthority(p.authority())).toList());
            this.principal = principal;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public SystemPrincipal getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return principal.username();
        }
    }
}
