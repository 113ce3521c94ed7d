package io.stent.admin.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Where the login form posts. The authentication mechanism has checked the form by the time this
 * runs; a logged-in user gets a new session id (no session fixation) and goes to the console.
 */
@WebServlet(LoginServlet.PATH)
public class LoginServlet extends HttpServlet {

    /** The form's target. */
    static final String PATH = "/login";
    /** The login page. */
    static final String PAGE = "/login.html";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getUserPrincipal() == null) {
            response.sendRedirect(request.getContextPath() + PAGE + "?failed");
            return;
        }
        request.changeSessionId();
        seeOther(response, request.getContextPath() + "/");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        seeOther(response, request.getContextPath() + PAGE);
    }

    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
