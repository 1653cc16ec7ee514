package org.renkou.access;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins: five in a row lock the account for 15 minutes. */
@Component
class LoginEvents {
    private final UserService users;
    private final CredentialCache cache;

    LoginEvents(UserService users, CredentialCache cache) {
        this.users = users;
        this.cache = cache;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        users.recordFailedLogin(event.getAuthentication().getName());
        cache.clear();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        users.recordSuccessfulLogin(event.getAuthentication().getName());
    }
}
