package io.stent.admin.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where the OpenID Connect provider sends the user back ({@code stent.console.auth=oidc}). The
 * mechanism has completed the login by then and normally sends the user on to the page they asked
 * for; this answers the rare request that arrives here after it, with the console.
 */
@WebServlet("/callback")
public class OidcCallbackServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        LoginServlet.seeOther(response, request.getContextPath() + "/");
    }
}
