package app.confidant.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as established by the bearer token (or, later, the client certificate): the user, the tenant the
 * token works in, the roles there, and whether the caller has passed an MFA check in the last five minutes.
 */
public record Caller(UUID userId, String name, UUID tenantId, Set<String> roles, boolean steppedUp, byte[] tokenHash) {

    public boolean hasAnyRole(Set<String> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }
}
