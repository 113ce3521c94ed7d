package io.stent.admin;

import io.stent.admin.security.CsrfTokens;
import io.stent.admin.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/**
 * Who is logged in, with which roles, and the session's CSRF token that every change must carry in
 * the {@value CsrfTokens#HEADER} header.
 */
@Tag(name = "session", description = "Who is logged in, and the CSRF token for changes")
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Context
    HttpServletRequest request;
    @jakarta.inject.Inject
    CsrfTokens tokens;

    /**
     * The logged-in user.
     *
     * @return name, roles, whether they may change things, and the CSRF token
     */
    @GET
    @Operation(summary = "The logged-in user, whether they may change anything, and the session's CSRF token")
    public Map<String, Object> current() {
        boolean admin = request.isUserInRole(Roles.ADMIN);
        List<String> roles = admin ? List.of(Roles.ADMIN, Roles.VIEWER) : List.of(Roles.VIEWER);
        return Map.of("user", request.getUserPrincipal().getName(), "roles", roles, "admin", admin,
                "csrfToken", tokens.tokenOf(request));
    }
}
