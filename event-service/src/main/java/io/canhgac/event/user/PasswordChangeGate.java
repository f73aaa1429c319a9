package io.canhgac.event.user;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Someone signed in with a password an admin set may only change it (and sign out): pages lead to
 * the password page, the API answers 403 with problem PASSWORD_CHANGE_REQUIRED. Runs after
 * Spring Security, so the person is known.
 */
@Component
class PasswordChangeGate extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/password.html";

    private static final Set<String> OPEN = Set.of("GET /api/me", "POST /api/me/password", "GET " + PASSWORD_PAGE,
            "GET /password.js", "GET /i18n.js", "GET /app.css", "GET /login.html", "GET /login.js", "POST /logout");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String route = request.getMethod() + " " + request.getRequestURI().substring(request.getContextPath().length());
        if (who == null || !(who.getPrincipal() instanceof AppUser user) || !user.mustChangePassword() || OPEN.contains(route)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getServletPath();
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/")) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"status\":403,\"problem\":\"PASSWORD_CHANGE_REQUIRED\","
                    + "\"detail\":\"change the password an admin set first (POST /api/me/password)\"}");
        } else {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
        }
    }
}
