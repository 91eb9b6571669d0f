package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.cert.X509Certificate;

/**
 * Jakarta Security mechanism of the API. People send {@code Authorization: Bearer <token>}; internal applications
 * present a client certificate in the TLS handshake (mutual TLS), which is looked at only when there is no bearer
 * token. Neither: the request goes on anonymous and the role check answers 401 where a role is needed. A bad token
 * or a certificate that no service account holds: 401 at once. Tokens are never accepted from the URL.
 */
@ApplicationScoped
public class ApiAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = "Bearer ";
    /** Set by the servlet container when the TLS handshake carried a client certificate the trust store accepts. */
    private static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Denials denials;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return bearer(header.substring(PREFIX.length()).strip(), request, response, context);
        }
        if (request.getAttribute(CLIENT_CERTIFICATES) instanceof X509Certificate[] chain && chain.length > 0) {
            // The leaf comes first; the fingerprint of the leaf alone identifies the service account. No HTTP
            // scheme names mutual TLS, so the 401 offers the one other way in: a bearer token.
            return login(new ClientCertificateCredential(chain[0]), "invalid-client-certificate", "Bearer", request,
                    response, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus bearer(String token, HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (token.isEmpty() || token.length() > 100) {
            refused("invalid-token", request, response);
            return context.responseUnauthorized();
        }
        return login(new BearerTokenCredential(token), "invalid-token", "Bearer error=\"invalid_token\"", request,
                response, context);
    }

    private AuthenticationStatus login(Credential credential, String code, String challenge,
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            refused(code, request, response);
            response.setHeader("WWW-Authenticate", challenge);
            return context.responseUnauthorized();
        }
        return context.notifyContainerAboutLogin(result);
    }

    /** An unknown, expired or revoked credential is a denial (401); the route is the servlet mapping, not the path. */
    private void refused(String code, HttpServletRequest request, HttpServletResponse response) {
        app.confidant.audit.RequestIds.ensure(request, response); // the event and the answer name the same request
        denials.recordAnonymous(401, code, request.getMethod(), request.getHttpServletMapping().getPattern(),
                request.getRemoteAddr());
    }
}
