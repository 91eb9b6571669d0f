package app.confidant.security;

import jakarta.security.enterprise.credential.Credential;

/** The opaque token from an {@code Authorization: Bearer} header. */
public record BearerTokenCredential(String token) implements Credential {
}
