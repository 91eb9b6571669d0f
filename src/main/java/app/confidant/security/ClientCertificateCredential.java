package app.confidant.security;

import jakarta.security.enterprise.credential.Credential;
import java.security.cert.X509Certificate;

/** The leaf certificate a client presented in the TLS handshake, already verified against the trusted CAs. */
public record ClientCertificateCredential(X509Certificate certificate) implements Credential {
}
