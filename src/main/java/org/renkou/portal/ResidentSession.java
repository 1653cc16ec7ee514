package org.renkou.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The portal's own state in the HTTP session: a person awaiting a code, then the verified person; and the
 * private links opened in this browser, so their secrets leave the address bar (and with it logs, history and
 * referrers) after the first request.
 */
final class ResidentSession {
    private static final String PENDING = "renkou.portal.pending";
    private static final String PERSON = "renkou.portal.person";
    private static final String LINKS = "renkou.portal.links";
    private static final int MAX_LINKS = 20;

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

    /** This browser opened a private link (a request's or an appointment's): it may see it without the secret. */
    @SuppressWarnings("unchecked")
    static void opened(HttpServletRequest request, String reference, String secret) {
        HttpSession s = request.getSession(true);
        synchronized (s) {
            java.util.Map<String, String> links = (java.util.Map<String, String>) s.getAttribute(LINKS);
            java.util.Map<String, String> copy = links == null ? new java.util.LinkedHashMap<>() : new java.util.LinkedHashMap<>(links);
            copy.put(reference, secret);
            while (copy.size() > MAX_LINKS) {
                copy.remove(copy.keySet().iterator().next());
            }
            s.setAttribute(LINKS, copy);
        }
    }

    /** The secret of a private link this browser opened, if it did. */
    @SuppressWarnings("unchecked")
    static Optional<String> secret(HttpServletRequest request, String reference) {
        HttpSession s = request.getSession(false);
        java.util.Map<String, String> links = s == null ? null : (java.util.Map<String, String>) s.getAttribute(LINKS);
        return Optional.ofNullable(links == null ? null : links.get(reference));
    }
}
