package org.renkou.access;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Refusals by the security rules themselves (an officer opening /admin/…), which never reach a handler: a
 * signed-in user's refusal is audited as {@link AuditAction#ACCESS_DENIED}. Refusals by the services are
 * recorded by {@link AuditRecorder}; a request without a login is asked to sign in, which is no refusal.
 */
@Configuration(proxyBeanMethods = false)
class RefusalEvents {
    /** Set on a request whose refusal is recorded, by this class or by {@link AuditRecorder}. */
    static final String REFUSED = AuditService.RECORDED + ".refused";

    private final AuditService audit;

    RefusalEvents(AuditService audit) {
        this.audit = audit;
    }

    /** Spring Security publishes authorization refusals only when such a bean exists. */
    @Bean
    static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return;
        }
        HttpServletRequest request = event.getSource() instanceof HttpServletRequest r ? r : null;
        if (request != null && (request.getDispatcherType() == DispatcherType.ERROR
                || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null
                || request.getAttribute(REFUSED) != null)) {
            return; // the error page of the refusal just recorded
        }
        if (request != null) {
            request.setAttribute(REFUSED, Boolean.TRUE);
        }
        String detail = request == null ? null : request.getMethod() + " " + request.getRequestURI();
        audit.recordAs(auth.getName(), AuditAction.ACCESS_DENIED, "request", null, detail);
    }
}
