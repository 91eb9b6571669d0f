package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Validates client certificates against the registered service accounts and returns the account's one role. Like
 * {@link BearerTokenIdentityStore}, it keeps the full {@link Caller} on the request for {@link CallerContext}.
 */
@ApplicationScoped
public class ServiceAccountIdentityStore implements IdentityStore {

    @Inject
    ServiceAccountService serviceAccounts;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ClientCertificateCredential presented)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return serviceAccounts.authenticate(presented.certificate())
                .map(caller -> {
                    request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
                    return new CredentialValidationResult(new CallerPrincipal(caller.name()), caller.roles());
                })
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
