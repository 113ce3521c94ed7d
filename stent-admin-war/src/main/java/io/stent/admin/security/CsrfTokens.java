package io.stent.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of a console session: random, kept in the HTTP session, sent back by the page (or
 * the command line) in the {@value #HEADER} header of every change. A cross-site page can make the
 * browser send the session cookie, but can neither read the token nor set the header.
 */
@jakarta.enterprise.context.ApplicationScoped
public class CsrfTokens {

    /** The request header that carries the token. */
    public static final String HEADER = "X-Stent-Csrf";
    private static final String ATTRIBUTE = "io.stent.admin.csrf";

    /** One strong random source for the deployment; made once, since seeding one is slow. */
    private final SecureRandom random = new SecureRandom();

    /**
     * The token of the request's session, made (with the session) on first use.
     *
     * @param request the request of a logged-in user
     * @return the token
     */
    public String tokenOf(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token == null) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                session.setAttribute(ATTRIBUTE, token);
            }
            return (String) token;
        }
    }

    /**
     * Whether the request carries its session's token.
     *
     * @param request the request
     * @return true when the header matches the session's token
     */
    public static boolean carriesToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String given = request.getHeader(HEADER);
        Object expected = session == null ? null : session.getAttribute(ATTRIBUTE);
        return given != null && expected != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), ((String) expected).getBytes(StandardCharsets.UTF_8));
    }
}
