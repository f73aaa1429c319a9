package io.canhgac.event.security;

import io.canhgac.event.user.AccessNotices;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * People: form login with a session for the page and the JSON API. Gateways have their own chain
 * on /api/ingest/** (see the ingest package). Scoping by commune is not here but in the queries.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String LOGIN_PAGE = "/login.html";

    /**
     * The page's own files only; no inline script or style, so an injected one does not run. Live
     * video comes from the gateways' live servers (another port or host, so any ws/wss and http(s)
     * image source) and plays from a MediaSource blob.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: http: https:; "
            + "connect-src 'self' ws: wss:; media-src 'self' blob:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder(); // bcrypt, with the {id} to upgrade later
    }

    /** Form login's passwords behind the lockout (which the audit listener and the admin's page see). */
    @Bean
    AuthenticationProvider loginProvider(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    /** A locked name or address gets its own message (and how long), not "wrong password". */
    static AuthenticationFailureHandler loginFailure() {
        return (request, response, failure) -> {
            String target = LOGIN_PAGE + "?error";
            if (failure instanceof LoginLockedException locked) {
                long minutes = Math.max(1, (Duration.between(Instant.now(), locked.lock().lockedUntil()).getSeconds() + 59) / 60);
                target = LOGIN_PAGE + "?locked=" + locked.lock().kind().name().toLowerCase(Locale.ROOT) + "&minutes=" + minutes;
            }
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain peopleSecurity(HttpSecurity http, AccessNotices notices) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher machineReadable = new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/actuator/**"),
                path.matcher("/v3/api-docs"), path.matcher("/v3/api-docs/**"), path.matcher("/v3/api-docs.yaml"));

        // the page reads the token from the cookie and sends it back; not deferred, so the login page gets one
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null);

        http.authorizeHttpRequests(a -> a
                        // the request that started an async (SSE) or error dispatch was already authorized
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, LOGIN_PAGE, "/login.js", "/i18n.js", "/app.css").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/audit", "/api/audit/**").hasRole("ADMIN")
                        .requestMatchers("/api/accounts", "/api/accounts/**", "/api/lockouts", "/api/lockouts/**").hasRole("ADMIN")
                        // everyone reads the districts of their scope; admins add them and move communes
                        .requestMatchers(HttpMethod.POST, "/api/regions", "/api/districts").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/districts/**").hasRole("ADMIN")
                        // where the gateways stand: the desk and technicians see why a commune's cameras went quiet
                        .requestMatchers(HttpMethod.GET, "/api/gateways/status").hasAnyRole("ADMIN", "OPERATOR", "TECHNICIAN")
                        .requestMatchers("/api/gateways", "/api/gateways/**").hasRole("ADMIN")
                        // the alert desk; commune heads follow their commune's alerts but do not handle them
                        .requestMatchers(HttpMethod.POST, "/api/alerts/**").hasAnyRole("ADMIN", "OPERATOR", "TECHNICIAN")
                        // technicians find and register cameras
                        .requestMatchers("/api/discovery/**", "/api/cameras/onboard").hasAnyRole("ADMIN", "TECHNICIAN")
                        .requestMatchers(HttpMethod.PUT, "/api/cameras/*/motion").hasAnyRole("ADMIN", "TECHNICIAN")
                        // and keep them: edit, accounts (tried, then stored), CSV import and its progress
                        .requestMatchers(HttpMethod.PUT, "/api/cameras/*", "/api/cameras/*/credentials").hasAnyRole("ADMIN", "TECHNICIAN")
                        .requestMatchers(HttpMethod.POST, "/api/cameras/*/credentials/test", "/api/cameras/import")
                        .hasAnyRole("ADMIN", "TECHNICIAN")
                        .requestMatchers("/api/cameras/imports/**").hasAnyRole("ADMIN", "TECHNICIAN")
                        // saving and removing presets (a PTZ command too) is narrowed to ADMIN and TECHNICIAN by CameraOnvifController
                        .requestMatchers(HttpMethod.POST, "/api/cameras/*/ptz").hasAnyRole("ADMIN", "OPERATOR", "TECHNICIAN")
                        // a camera's health page: technicians' work, the desk may look; commune heads have the daily report
                        .requestMatchers(HttpMethod.GET, "/api/cameras/*/health", "/api/cameras/*/stream-stats", "/api/cameras/*/topics",
                                "/api/cameras/*/presets", "/api/cameras/*/imaging")
                        .hasAnyRole("ADMIN", "OPERATOR", "TECHNICIAN")
                        // incidents and their evidence: police work; commune heads read their commune's, technicians none
                        // a commune head exports their commune's recordings into an incident (scoped in the service)
                        .requestMatchers(HttpMethod.POST, "/api/incidents/*/recordings").hasAnyRole("ADMIN", "OPERATOR", "COMMUNE_HEAD")
                        .requestMatchers(HttpMethod.POST, "/api/incidents", "/api/incidents/**").hasAnyRole("ADMIN", "OPERATOR")
                        .requestMatchers("/api/incidents", "/api/incidents/**").hasAnyRole("ADMIN", "OPERATOR", "COMMUNE_HEAD")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(LOGIN_PAGE).loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true).failureHandler(loginFailure()))
                // sessions live in PostgreSQL (Spring Session JDBC); a logout is told to every node, whose streams of it end
                .logout(l -> l.logoutUrl("/logout").addLogoutHandler(notices).logoutSuccessUrl(LOGIN_PAGE + "?logout"))
                // login always leads to the page ("/"), so a request refused for want of a login is not kept:
                // keeping it would make a session (a row in the database) for every anonymous caller
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse()).csrfTokenRequestHandler(csrfHandler))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(machineReadable))
                        .accessDeniedHandler(accessDenied(machineReadable)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /** The API answers 401 (a script cannot follow a redirect to a login page); pages go to the login page. */
    private static AuthenticationEntryPoint entryPoint(RequestMatcher machineReadable) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRequest = new LinkedHashMap<>();
        byRequest.put(machineReadable, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        DelegatingAuthenticationEntryPoint delegating = new DelegatingAuthenticationEntryPoint(byRequest);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE));
        return delegating;
    }

    /**
     * A missing CSRF token is refused before anyone is identified: for the API, say 401 to a caller
     * who is not signed in at all (their problem is the missing login, not the token), else 403.
     */
    private static AccessDeniedHandler accessDenied(RequestMatcher machineReadable) {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
            if (!signedIn && machineReadable.matches(request)) {
                response.sendError(HttpStatus.UNAUTHORIZED.value());
            } else {
                forbidden.handle(request, response, denied);
            }
        };
    }
}
