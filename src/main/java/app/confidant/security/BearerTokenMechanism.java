package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Jakarta Security mechanism for {@code Authorization: Bearer <token>}. No header: the request goes on anonymous
 * and the role check answers 401 where a role is needed. A bad token: 401 at once. Tokens are never accepted
 * from the URL.
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = "Bearer ";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return context.doNothing();
        }
        String token = header.substring(PREFIX.length()).strip();
        if (token.isEmpty() || token.length() > 100) {
            return context.responseUnauthorized();
        }
        CredentialValidationResult result = identityStores.validate(new BearerTokenCredential(token));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return context.responseUnauthorized();
        }
        return context.notifyContainerAboutLogin(result);
    }
}
