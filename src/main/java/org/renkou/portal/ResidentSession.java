package org.renkou.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The portal's own login state in the HTTP session: a person awaiting a code, then the verified person. */
final class ResidentSession {
    private static final String PENDING = "renkou.portal.pending";
    private static final String PERSON = "renkou.portal.person";

    private ResidentSession() {
    }

    static void pending(HttpServletRequest request, long personId) {
        request.getSession(true).setAttribute(PENDING, personId);
    }

    static Optional<Long> pending(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        return Optional.ofNullable(s == null ? null : (Long) s.getAttribute(PENDING));
    }

    /** A verified resident gets a fresh session id (no fixation) and nothing else of the pending state. */
    static void verified(HttpServletRequest request, long personId) {
        request.changeSessionId();
        HttpSession s = request.getSession();
        s.removeAttribute(PENDING);
        s.setAttribute(PERSON, personId);
    }

    static Optional<Long> person(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        return Optional.ofNullable(s == null ? null : (Long) s.getAttribute(PERSON));
    }

    static void end(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        if (s != null) {
            s.removeAttribute(PERSON);
            s.removeAttribute(PENDING);
        }
    }
}
