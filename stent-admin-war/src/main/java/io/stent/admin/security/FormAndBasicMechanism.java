package io.stent.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import io.stent.admin.Problems;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Logs console users in with the login form ({@code POST /login}) or HTTP Basic (the command line,
 * scripts), when {@code stent.console.auth=users}. A login lasts for the HTTP session. A page
 * requested without a login is sent to the login form; an API call gets 401.
 */
@ApplicationScoped
@AutoApplySession
@ForAuthMode(AuthMode.USERS)
public class FormAndBasicMechanism implements HttpAuthenticationMechanism {

    /** The header the console's own page sends, so that a 401 does not open the browser's Basic dialog. */
    static final String CONSOLE_HEADER = "X-Stent-Console";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), context);
        }
        if ("POST".equals(request.getMethod()) && LoginServlet.PATH.equals(path)) {
            return form(request, context);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (path.startsWith("/api/")) {
            return unauthorized(request, context);
        }
        return context.redirect(request.getContextPath() + LoginServlet.PAGE);
    }

    private AuthenticationStatus basic(String encoded, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(context.getRequest(), context);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(context.getRequest(), context);
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
                decoded.substring(0, colon), new Password(decoded.substring(colon + 1))));
        return result.getStatus() == CredentialValidationResult.Status.VALID
                ? context.notifyContainerAboutLogin(result) : unauthorized(context.getRequest(), context);
    }

    private AuthenticationStatus form(HttpServletRequest request, HttpMessageContext context) {
        String user = request.getParameter("username");
        String password = request.getParameter("password");
        if (user != null && password != null) {
            CredentialValidationResult result = identityStores.validate(
                    new UsernamePasswordCredential(user, new Password(password)));
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
        }
        return context.redirect(request.getContextPath() + LoginServlet.PAGE + "?failed");
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpMessageContext context) {
        HttpServletResponse response = context.getResponse();
        if (request.getHeader(CONSOLE_HEADER) == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Stent console\", charset=\"UTF-8\"");
        }
        try {
            Problems.notLoggedIn(response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
