package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Validates bearer tokens against the stored hashes and returns the caller with the groups (roles) the token's
 * stage and tenant allow. The full {@link Caller} is kept on the request for services that need tenant and
 * step-up state ({@link CallerContext}).
 */
@ApplicationScoped
public class BearerTokenIdentityStore implements IdentityStore {

    @Inject
    TokenStore tokens;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerTokenCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return tokens.authenticate(bearer.token())
                .map(caller -> {
                    request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
                    return new CredentialValidationResult(new CallerPrincipal(caller.name()), caller.roles());
                })
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
