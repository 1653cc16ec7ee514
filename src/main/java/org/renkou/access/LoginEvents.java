package org.renkou.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins: five in a row lock the account for 15 minutes. Sign-ins with the form, every failed
 * attempt and a lockout are audited (API clients authenticate on every call: their calls are the entries).
 */
@Component
class LoginEvents {
    private final UserService users;
    private final CredentialCache cache;
    private final AuditService audit;

    LoginEvents(UserService users, CredentialCache cache, AuditService audit) {
        this.users = users;
        this.cache = cache;
        this.audit = audit;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        boolean lockedBefore = users.find(username).map(UserAccount::locked).orElse(false);
        users.recordFailedLogin(username);
        cache.clear();
        if (!lockedBefore && users.find(username).map(UserAccount::locked).orElse(false)) {
            audit.recordAs(username, AuditAction.LOCKOUT, "user", username, null);
        }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        audit.recordAs(event.getAuthentication().getName(), AuditAction.LOGIN_FAILED, "user",
                event.getAuthentication().getName(), event.getException().getClass().getSimpleName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName());
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), AuditAction.LOGIN, "user",
                event.getAuthentication().getName(), null);
    }
}
