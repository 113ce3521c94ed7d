package io.stent.admin.security;

import io.stent.admin.ConsoleMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The OpenID Connect provider the console logs users in with ({@code stent.console.auth=oidc}),
 * read from MicroProfile Config; the mechanism's definition reads it through Expression Language.
 */
@ApplicationScoped
@Named("stentConsoleOidc")
@ForAuthMode(AuthMode.OIDC)
public class OidcSettings {

    static final String PREFIX = "stent.console.oidc.";

    /**
     * Checks that the required keys are set.
     *
     * @param config the configuration
     * @throws io.stent.StentArgumentException naming the first key that is missing
     */
    static void check(Config config) {
        for (String key : new String[] {"provider-uri", "client-id", "client-secret"}) {
            if (config.getOptionalValue(PREFIX + key, String.class).filter(v -> !v.isBlank()).isEmpty()) {
                throw new io.stent.StentArgumentException(ConsoleMessages.OIDC_INCOMPLETE, AuthMode.KEY, PREFIX, key);
            }
        }
    }

    private static String value(String key, String fallback) {
        return ConfigProvider.getConfig().getOptionalValue(PREFIX + key, String.class).orElse(fallback);
    }

    /** @return the provider's issuer URI (its metadata is at {@code /.well-known/openid-configuration}) */
    public String getProviderUri() {
        return value("provider-uri", "");
    }

    /** @return the console's client id at the provider */
    public String getClientId() {
        return value("client-id", "");
    }

    /** @return the console's client secret */
    public String getClientSecret() {
        return value("client-secret", "");
    }

    /** @return the claim that lists the user's groups ({@code stent-admin}, {@code stent-viewer}) */
    public String getGroupsClaim() {
        return value("groups-claim", "groups");
    }

    /** @return the scopes asked for, space-separated */
    public String getScopes() {
        return value("scopes", "openid email profile");
    }
}
