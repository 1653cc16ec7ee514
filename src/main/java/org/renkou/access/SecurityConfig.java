package org.renkou.access;

import java.nio.charset.StandardCharsets;
import org.renkou.common.Messages;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browsers sign in with a form (session, CSRF); API clients send HTTP Basic on every call (no session, no
 * CSRF token, but no cross-site calls either: {@link ApiCrossSiteFilter}). Both use the same accounts, and
 * password guesses are throttled per address and account ({@link LoginThrottle}). Fine-grained checks (role,
 * area) happen in the services. Every answer carries a Content-Security-Policy without inline script.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class SecurityConfig {
    /** Scripts and styles from this server only (styles may be inline: charts and htmx set them); no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Nothing collects traces or metrics here; observing every filter of every request only costs CPU. */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserService users) {
        return username -> users.find(username).map(RenkouPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService uds, PasswordEncoder encoder,
                                                AuthenticationEventPublisher events,
                                                CredentialCache credentialCache, LoginThrottle throttle) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(uds);
        dao.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(throttle.wrap(credentialCache.wrap(dao), credentialCache));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, Messages messages, JsonMapper json,
                            LocaleResolver locales) throws Exception {
        return http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .addFilterBefore(new ApiCrossSiteFilter(messages, json, locales), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.realmName("Renkou").authenticationEntryPoint(throttleAware(unchallengedScripts(basic()), messages, json, locales)))
                .headers(SecurityConfig::headers)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the pages' own scripts (the phone app) call the API as the user signed in to the page; ApiCrossSiteFilter
                // makes a call with the session cookie show it comes from this site
                .securityContext(c -> c.securityContextRepository(signedInPages()))
                .csrf(c -> c.disable())
                // every call carries its credentials: nothing to log out of, no saved request to resume,
                // no anonymous caller, and the code reads the user from the security context, not the request
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AuthenticationManager manager, LoginThrottle throttle, Messages messages,
                            JsonMapper json, LocaleResolver locales) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/");
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
        SimpleUrlAuthenticationFailureHandler throttled = new SimpleUrlAuthenticationFailureHandler("/login?throttled");
        return http
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/favicon.svg",
                                "/verification/sw.js", "/verification/manifest.json", "/verification/phone.js",
                                "/verification/phone.css", "/verification/icons/**", "/verification/vendor/**",
                                "/error", "/actuator/health", "/actuator/health/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/v3/api-docs/**", "/exchange/v1/**", "/portal", "/portal/**").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(Permission.ADMINISTER.authority())
                        .anyRequest().authenticated())
                // peers sign their messages instead of logging in
                .csrf(c -> c.ignoringRequestMatchers("/exchange/v1/**"))
                .formLogin(f -> f.loginPage("/login").permitAll()
                        .successHandler((request, response, auth) -> {
                            throttle.rememberBrowser(request, response, auth.getName());
                            toPage.onAuthenticationSuccess(request, response, auth);
                        })
                        .failureHandler((request, response, e) -> (e instanceof LoginThrottledException ? throttled : wrongPassword)
                                .onAuthenticationFailure(request, response, e)))
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(throttleAware(basic(), messages, json, locales)))
                .headers(SecurityConfig::headers)
                .build();
    }

    /** Reads the session a page signed in with; never creates one (API clients send credentials on every call). */
    private static SecurityContextRepository signedInPages() {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        sessions.setAllowSessionCreation(false);
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions);
    }

    private static void headers(HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    private static BasicAuthenticationEntryPoint basic() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Renkou");
        return basic;
    }

    /**
     * A page's script whose sign-in has lapsed gets a plain 401, not the Basic challenge that would make the
     * browser ask for a password in a dialog; the script sends the user to the login page instead.
     */
    private static AuthenticationEntryPoint unchallengedScripts(AuthenticationEntryPoint delegate) {
        return (request, response, e) -> {
            if (request.getHeader("X-Requested-With") == null) {
                delegate.commence(request, response, e);
            } else {
                response.sendError(HttpStatus.UNAUTHORIZED.value());
            }
        };
    }

    /** A throttled login is answered 429 with Retry-After, at once; anything else as the delegate would. */
    private static AuthenticationEntryPoint throttleAware(AuthenticationEntryPoint delegate, Messages messages, JsonMapper json,
                                                          LocaleResolver locales) {
        return (request, response, e) -> {
            if (!(e instanceof LoginThrottledException throttled)) {
                delegate.commence(request, response, e);
                return;
            }
            LocaleContextHolder.setLocale(locales.resolveLocale(request));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                    messages.get("problem.loginThrottled", throttled.retryAfterSeconds()));
            problem.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(problem));
        };
    }
}
