package org.renkou.access;

import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked: this address guessed this account's password wrong too often lately. */
class LoginThrottledException extends AuthenticationException {
    private final long retryAfterSeconds;

    LoginThrottledException(long retryAfterSeconds) {
        super("too many failed logins; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
