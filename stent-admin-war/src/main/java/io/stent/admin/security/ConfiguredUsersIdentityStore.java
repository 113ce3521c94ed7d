package io.stent.admin.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.ConfigProvider;

/** Checks logins against the users that MicroProfile Config lists ({@code stent.console.auth=users}). */
@ApplicationScoped
@ForAuthMode(AuthMode.USERS)
public class ConfiguredUsersIdentityStore implements IdentityStore {

    /** How Jakarta Security's PBKDF2 hashes begin. */
    private static final String HASH_PREFIX = "PBKDF2WithHmac";

    @Inject
    Pbkdf2PasswordHash hashes;

    private ConsoleUsers users;

    @PostConstruct
    void load() {
        users = ConsoleUsers.from(ConfigProvider.getConfig());
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.find(login.getCaller())
                .filter(user -> matches(user.password(), login.getPassword().getValue()))
                .map(user -> new CredentialValidationResult(user.name(), user.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private boolean matches(String configured, char[] given) {
        return configured.startsWith(HASH_PREFIX) ? hashes.verify(given, configured)
                : ConsoleUsers.plainMatches(configured, given);
    }
}
