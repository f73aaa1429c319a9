package io.canhgac.event.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.event.db.DatabaseUnavailable;
import io.canhgac.event.gateway.GatewayIdentity;
import io.canhgac.event.gateway.GatewayRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Gateways: a bearer token on every request, that of an enabled gateway in the {@link GatewayRegistry}
 * (the built-in one's is {@link IngestToken}); no session, no cookie, so no CSRF either (nothing a
 * browser would send by itself). A signed-in person's session is not read here.
 */
@Configuration(proxyBeanMethods = false)
class IngestSecurityConfiguration {

    static final String GATEWAY_ROLE = "GATEWAY";

    @Bean
    @Order(1)
    SecurityFilterChain gatewaySecurity(HttpSecurity http, GatewayRegistry gateways, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/ingest/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(gateways, json), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(GATEWAY_ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                    response.setHeader("WWW-Authenticate", "Bearer");
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(response.getOutputStream(),
                            ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "a valid gateway token is required"));
                }));
        return http.build();
    }

    private static final class BearerTokenFilter extends OncePerRequestFilter {
        private final GatewayRegistry gateways;
        private final ObjectMapper json;

        BearerTokenFilter(GatewayRegistry gateways, ObjectMapper json) {
            this.gateways = gateways;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<GatewayIdentity> gateway;
            try {
                gateway = gateways.authenticate(request.getHeader("Authorization"));
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                // the token is checked in the database, so while it is away this is every request's
                // answer; here, as no controller advice sees a filter's exceptions
                DatabaseUnavailable.write(response, json);
                return;
            }
            gateway.ifPresent(g -> SecurityContextHolder.setContext(new SecurityContextImpl(new GatewayAuthentication(g))));
            chain.doFilter(request, response);
        }
    }

    /** A gateway's credential names the gateway: its events are recorded as delivered by it. */
    private static final class GatewayAuthentication extends AbstractAuthenticationToken {
        private final GatewayIdentity gateway;

        GatewayAuthentication(GatewayIdentity gateway) {
            super(AuthorityUtils.createAuthorityList("ROLE_" + GATEWAY_ROLE));
            this.gateway = gateway;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return gateway;
        }
    }
}
