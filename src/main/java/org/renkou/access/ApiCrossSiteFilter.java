package org.renkou.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.renkou.common.Messages;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API authenticates every call with HTTP Basic, which a browser caches and sends by itself, also with a form
 * another site posts. A call that changes data is therefore refused (403) when it shows a browser acting for
 * another site: a {@code Sec-Fetch-Site} other than same-origin, an {@code Origin} other than this server, a
 * form encoding (urlencoded or text/plain: the API reads JSON and multipart uploads only), or browser cookies
 * without the header {@code X-Requested-With} (which no other site can add without asking first). API clients
 * (curl, scripts, other systems) send none of these and are not affected; multipart uploads keep working.
 */
class ApiCrossSiteFilter extends OncePerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "text/plain");

    private final Messages messages;
    private final JsonMapper json;
    private final LocaleResolver locales;

    ApiCrossSiteFilter(Messages messages, JsonMapper json, LocaleResolver locales) {
        this.messages = messages;
        this.json = json;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || !crossSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        LocaleContextHolder.setLocale(locales.resolveLocale(request)); // the dispatcher, which would set it, is not reached
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.get("problem.crossSite"));
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }

    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameHost(origin, request.getHeader("Host"))) {
            return true;
        }
        String type = request.getContentType();
        if (type != null && FORM_TYPES.contains(type.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        return request.getHeader("Cookie") != null && request.getHeader("X-Requested-With") == null;
    }

    /** The Origin's host and port are the ones the request was sent to ("null" and garbage never are). */
    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || host == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host) || (uri.getPort() < 0 && defaultPort(uri.getScheme(), host, uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean defaultPort(String scheme, String host, String originHost) {
        return host.equalsIgnoreCase(originHost + ("https".equals(scheme) ? ":443" : ":80"));
    }
}
