package org.renkou.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.renkou.common.PageResult;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The one place requests are audited. For a handler marked {@link Audited} it records one entry (who, action,
 * target, the record's id from the path, the query and the number of rows) before the answer leaves: for an
 * API answer when its body is written, for a page when its model is ready, for a streamed file when it is
 * done. Nothing is recorded for a request that fails, except a refusal (403), which is recorded for every
 * handler as {@link AuditAction#ACCESS_DENIED}.
 */
@ControllerAdvice
class AuditRecorder implements HandlerInterceptor, ResponseBodyAdvice<Object>, WebMvcConfigurer {
    private static final String HANDLED = AuditRecorder.class.getName() + ".handler";

    private final AuditService audit;

    AuditRecorder(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            request.setAttribute(HANDLED, method);
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView mav) {
        if (mav != null && response.getStatus() < 400) {
            record(audit, request, mav.getModel());
        }
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servlet
                && servlet.getServletRequest().getAttribute(HANDLED) instanceof HandlerMethod handled
                && handled.getMethod().equals(returnType.getMethod())) {
            record(audit, servlet.getServletRequest(), body);
        }
        return body;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (ex instanceof AccessDeniedException || response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            refused(request, handler);
        } else if (ex == null && response.getStatus() < 400) {
            record(audit, request, null);
        }
    }

    /** Records the request's entry unless it has one; also when a streamed export reports its rows. */
    static void record(AuditService audit, HttpServletRequest request, Object answer) {
        if (!(request.getAttribute(HANDLED) instanceof HandlerMethod handler)
                || request.getAttribute(AuditService.RECORDED) != null) {
            return;
        }
        request.setAttribute(AuditService.RECORDED, Boolean.TRUE);
        Optional<Audited> audited = audited(handler);
        if (audited.isEmpty() || signedIn().isEmpty()) {
            return;
        }
        Map<String, String> path = pathVariables(request);
        AuditAction action = audited.get().action().length > 0 ? audited.get().action()[0] : derived(request, path);
        if (refusedForm(request, answer)) {
            return;
        }
        Long rows = request.getAttribute(AuditService.ROWS) instanceof Long n ? n : rows(answer);
        audit.insert(signedIn().get(), action, audited.get().target(), recordId(path), null,
                query(request), rows);
    }

    private void refused(HttpServletRequest request, Object handler) {
        if (request.getAttribute(RefusalEvents.REFUSED) != null || signedIn().isEmpty()) {
            return;
        }
        request.setAttribute(RefusalEvents.REFUSED, Boolean.TRUE);
        String target = handler instanceof HandlerMethod m ? audited(m).map(Audited::target).orElse("request") : "request";
        audit.insert(signedIn().get(), AuditAction.ACCESS_DENIED, target, recordId(pathVariables(request)),
                request.getMethod() + " " + request.getRequestURI(), query(request), null);
    }

    /** A page's form that was refused (its messages in the model or the flash) changed nothing. */
    private static boolean refusedForm(HttpServletRequest request, Object answer) {
        if ("GET".equals(request.getMethod())) {
            return false;
        }
        if (answer instanceof Map<?, ?> model && model.containsKey("errors")) {
            return true;
        }
        var flash = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
        return flash != null && flash.containsKey("errors");
    }

    /** The method's own decision wins over its controller's: {@link NotAudited} on a handler opts it out. */
    static Optional<Audited> audited(HandlerMethod handler) {
        if (handler.hasMethodAnnotation(NotAudited.class)) {
            return Optional.empty();
        }
        Audited onMethod = handler.getMethodAnnotation(Audited.class);
        if (onMethod != null) {
            return Optional.of(onMethod);
        }
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Audited.class));
    }

    private static AuditAction derived(HttpServletRequest request, Map<String, String> path) {
        return switch (request.getMethod()) {
            case "POST" -> AuditAction.CREATE;
            case "PUT", "PATCH" -> AuditAction.UPDATE;
            case "DELETE" -> AuditAction.DELETE;
            default -> !path.isEmpty() ? AuditAction.VIEW
                    : query(request) == null ? AuditAction.LIST
                    : AuditAction.SEARCH;
        };
    }

    /** The rows an answer carries: the items of a page or a list, or of the page of results in a model. */
    private static Long rows(Object answer) {
        if (answer instanceof PageResult<?> page) {
            return (long) page.items().size();
        }
        if (answer instanceof Collection<?> list) {
            return (long) list.size();
        }
        if (answer instanceof Map<?, ?> model) {
            // a page's model holds reference data too (villages, codes): only a page of results counts
            return model.values().stream().filter(PageResult.class::isInstance).findFirst()
                    .map(AuditRecorder::rows).orElse(null);
        }
        return null;
    }

    /** The query as the user typed it (decoded), so the log reads {@code name=张} rather than percent codes. */
    private static String query(HttpServletRequest request) {
        String q = request.getQueryString();
        if (q == null || q.isBlank()) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(q, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return q;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return vars instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    private static String recordId(Map<String, String> path) {
        if (path.containsKey("id")) {
            return path.get("id");
        }
        return path.values().stream().findFirst().orElse(null);
    }

    private static Optional<String> signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }
}
