package io.canhgac.event.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sessions live in PostgreSQL, so while it is away reading or saving one fails in a filter, before
 * any controller advice: this filter, just outside Spring Session's, answers those requests 503
 * "retry" as the controllers do, not the servlet container's 500 page.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreUnavailableFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionStoreUnavailable(ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (RuntimeException | ServletException e) {
                    if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                        throw e;
                    }
                    response.reset();
                    DatabaseUnavailable.write(response, json);
                }
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
