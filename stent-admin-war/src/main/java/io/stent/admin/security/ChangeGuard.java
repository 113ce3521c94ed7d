package io.stent.admin.security;

import io.stent.admin.ConsoleMessages;
import io.stent.admin.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * Guards every state-changing request of the console (any method but GET, HEAD and OPTIONS, on the
 * REST API and the logout): the user must have the {@value Roles#ADMIN} role, the request must come
 * from the console's own origin when the browser names one, and it must carry the session's CSRF
 * token. Logging in and reading need none of this; the servlet container has already refused
 * anonymous requests with 401.
 */
@WebFilter(urlPatterns = {"/api/*", LogoutServlet.PATH})
public class ChangeGuard extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        boolean logout = request.getRequestURI().equals(request.getContextPath() + LogoutServlet.PATH);
        if (request.getUserPrincipal() == null) {
            Problems.notLoggedIn(response);
        } else if (!logout && !request.isUserInRole(Roles.ADMIN)) {
            Problems.write(response, 403, ConsoleMessages.VIEWER_CHANGE.code(), ConsoleMessages.VIEWER_CHANGE.detail(
                    request.getUserPrincipal().getName(), Roles.ADMIN), null);
        } else if (!sameOrigin(request)) {
            Problems.write(response, 403, ConsoleMessages.FOREIGN_ORIGIN.code(), ConsoleMessages.FOREIGN_ORIGIN.detail(
                    request.getHeader("Origin")), null);
        } else if (!CsrfTokens.carriesToken(request)) {
            Problems.write(response, 403, ConsoleMessages.NO_CSRF_TOKEN.code(),
                    ConsoleMessages.NO_CSRF_TOKEN.detail(CsrfTokens.HEADER),
                    CsrfTokens.HEADER);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** An absent Origin is a client that is not a browser (the command line); a present one must be ours. */
    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin.trim());
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && uri.getHost() != null && host.equalsIgnoreCase(authority)
                    && uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(forwardedScheme(request));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String forwardedScheme(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        return forwarded == null || forwarded.isBlank() ? request.getScheme() : forwarded.trim();
    }
}
