package io.stent.admin.security;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Keeps only the authentication beans of the configured {@code stent.console.auth} mode, and fails
 * the deployment, naming the key, when the mode or its user list is wrong. With no mechanism bean
 * left ({@code realm}), the web module's login configuration applies: HTTP Basic on the server's
 * default realm.
 */
public class ConsoleSecurityExtension implements Extension {

    private AuthMode mode;
    private RuntimeException problem;

    void keepConfiguredMode(@Observes @WithAnnotations(ForAuthMode.class) ProcessAnnotatedType<?> type) {
        AuthMode wanted = type.getAnnotatedType().getJavaClass().getAnnotation(ForAuthMode.class).value();
        if (wanted != mode()) {
            type.veto();
        }
    }

    void reportProblems(@Observes AfterBeanDiscovery event) {
        AuthMode configured = mode();
        if (problem == null && configured != AuthMode.REALM) {
            try {
                if (configured == AuthMode.USERS) {
                    ConsoleUsers.from(ConfigProvider.getConfig());
                } else {
                    OidcSettings.check(ConfigProvider.getConfig());
                }
            } catch (IllegalArgumentException | io.stent.StentArgumentException e) {
                problem = e;
            }
        }
        if (problem != null) {
            event.addDefinitionError(new DeploymentException(problem.getMessage()));
        }
    }

    private AuthMode mode() {
        if (mode == null) {
            try {
                mode = AuthMode.parse(ConfigProvider.getConfig().getOptionalValue(AuthMode.KEY, String.class)
                        .orElse(null));
            } catch (IllegalArgumentException | io.stent.StentArgumentException e) {
                problem = e;
                mode = AuthMode.REALM;
            }
        }
        return mode;
    }
}
