package org.renkou.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords per client address and account (see {@link LoginThrottle}); the start of each wait is
 * audited as a lockout, every failed attempt as such, a sign-in with the form as a login (API clients
 * authenticate on every call: their calls are the entries). A wrong password evicts no remembered check: it
 * proves nothing about anyone's right password.
 */
@Component
class LoginEvents {
    private final LoginThrottle throttle;
    private final AuditService audit;

    LoginEvents(LoginThrottle throttle, AuditService audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        throttle.failed(username).ifPresent(wait -> audit.recordAs(cut(username), AuditAction.LOCKOUT, "user", cut(username),
                "repeated wrong passwords: this address waits " + Math.max(1, wait.toSeconds()) + " s"));
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        String username = cut(event.getAuthentication().getName());
        audit.recordAs(username, AuditAction.LOGIN_FAILED, "user", username, event.getException().getClass().getSimpleName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    /** A name typed at the login form is anyone's text: no longer than a real user name could be. */
    private static String cut(String username) {
        return username.length() <= 40 ? username : username.substring(0, 40);
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String username = cut(event.getAuthentication().getName());
        audit.recordAs(username, AuditAction.LOGIN, "user", username, null);
    }
}
