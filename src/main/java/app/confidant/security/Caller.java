package app.confidant.security;

import jakarta.servlet.ServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as established by the bearer token or, for a service account, the client certificate: the user
 * (or service account), the tenant the caller works in, the roles there, and whether the caller has passed an MFA
 * check in the last five minutes. A service account has no token ({@code tokenHash} null) and never steps up.
 */
public record Caller(UUID userId, String name, UUID tenantId, Set<String> roles, boolean steppedUp, byte[] tokenHash) {

    /** The request attribute the identity stores put the caller in (Jersey shows it as a request property). */
    static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    /** The caller the request was authenticated as, if it was (the access log takes its ids from here). */
    public static Optional<Caller> of(ServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(REQUEST_ATTRIBUTE));
    }

    /** A person (bearer token); false for a service account (client certificate), which is not held to training. */
    public boolean person() {
        return tokenHash != null;
    }

    public boolean hasAnyRole(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
