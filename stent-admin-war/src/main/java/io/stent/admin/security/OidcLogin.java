package io.stent.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Jakarta Security's OpenID Connect mechanism for the console ({@code stent.console.auth=oidc}):
 * the authorization code flow against the configured provider, the caller's groups (hence roles)
 * from the configured claim. Present only in that mode.
 */
@ApplicationScoped
@ForAuthMode(AuthMode.OIDC)
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${stentConsoleOidc.providerUri}",
        clientId = "${stentConsoleOidc.clientId}",
        clientSecret = "${stentConsoleOidc.clientSecret}",
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = true,
        claimsDefinition = @ClaimsDefinition(callerGroupsClaim = "${stentConsoleOidc.groupsClaim}"))
public class OidcLogin {
}
