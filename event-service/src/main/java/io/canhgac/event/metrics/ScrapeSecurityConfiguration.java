package io.canhgac.event.metrics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /actuator/prometheus} opens only to a bearer scrape token, in a stateless chain of its own:
 * no session, so neither a person's login nor the gateways' token reaches it. Not "loopback only":
 * behind a reverse proxy on the same host every request comes from loopback.
 */
@Configuration(proxyBeanMethods = false)
class ScrapeSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScrapeSecurityConfiguration.class);
    static final String SCRAPER_ROLE = "METRICS_SCRAPER";

    @Bean
    @Order(1)
    SecurityFilterChain scrapeSecurity(HttpSecurity http, MetricsProperties properties) throws Exception {
        if (properties.scrapeToken().isBlank()) {
            log.info("No canhgac.metrics.scrape-token configured: /actuator/prometheus refuses every caller");
        }
        http.securityMatcher("/actuator/prometheus")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .addFilterBefore(new ScrapeTokenFilter(properties.scrapeToken()), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(SCRAPER_ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    response.sendError(HttpStatus.UNAUTHORIZED.value());
                }));
        return http.build();
    }

    private static final class ScrapeTokenFilter extends OncePerRequestFilter {
        private final byte[] token;

        ScrapeTokenFilter(String token) {
            this.token = token.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (token.length > 0 && header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token)) {
                SecurityContextHolder.setContext(new SecurityContextImpl(new ScraperAuthentication()));
            }
            chain.doFilter(request, response);
        }
    }

    private static final class ScraperAuthentication extends AbstractAuthenticationToken {
        ScraperAuthentication() {
            super(AuthorityUtils.createAuthorityList("ROLE_" + SCRAPER_ROLE));
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return "prometheus";
        }
    }
}
