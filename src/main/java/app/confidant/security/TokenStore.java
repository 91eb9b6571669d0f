package app.confidant.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues, checks and revokes opaque bearer tokens: 256 random bits handed to the client once; the server keeps
 * only their SHA-256, so a database leak yields no usable token. Idle timeout 15 minutes, absolute 8 hours.
 */
@ApplicationScoped
@Transactional
@PreAuthentication // turns credentials into a caller: runs before there are roles to check
public class TokenStore {

    /** A freshly issued token: the only moment the raw value exists on the server. */
    public record Issued(String token, AccessToken.Stage stage, Instant expiresAt) {
    }

    @Inject
    IdentityRepository identities;

    @Inject
    Clock clock;

    public Issued issue(UserAccount user, UUID tenantId, AccessToken.Stage stage) {
        String token = Secrets.newToken();
        AccessToken stored = new AccessToken(Secrets.sha256(token), user.id(), tenantId, stage, clock.instant());
        identities.add(stored);
        return new Issued(token, stage, stored.expiresAt());
    }

    /** The caller a token stands for, or empty if it is unknown, revoked, idle too long or expired. */
    public Optional<Caller> authenticate(String token) {
        Instant now = clock.instant();
        byte[] hash = Secrets.sha256(token);
        return identities.token(hash)
                .filter(t -> t.usableAt(now))
                .flatMap(t -> identities.user(t.userId()).filter(u -> !u.disabled()).map(u -> {
                    t.used(now);
                    return new Caller(u.id(), u.username(), t.tenantId(), groups(t), t.steppedUpAt(now), hash);
                }));
    }

    public void revoke(byte[] tokenHash) {
        identities.token(tokenHash).ifPresent(t -> t.revoke(clock.instant()));
    }

    public void revokeAll(UUID userId) {
        Instant now = clock.instant();
        identities.tokensOf(userId).forEach(t -> t.revoke(now));
    }

    /** Ends every token of the user but the one given (a password change keeps the session that made it). */
    public void revokeAllBut(UUID userId, byte[] keptTokenHash) {
        Instant now = clock.instant();
        identities.tokensOf(userId).stream().filter(t -> !Arrays.equals(t.tokenHash(), keptTokenHash))
                .forEach(t -> t.revoke(now));
    }

    AccessToken stored(byte[] tokenHash) {
        return identities.token(tokenHash).orElseThrow(SecurityException::invalidCredentials);
    }

    private Set<String> groups(AccessToken token) {
        return switch (token.stage()) {
            case PASSWORD_CHANGE -> Set.of(Roles.PASSWORD_CHANGE);
            case ENROLMENT -> Set.of(Roles.MFA_ENROLMENT);
            case MFA_PENDING -> Set.of(Roles.MFA_PENDING);
            case AUTHENTICATED -> identities.memberships(token.userId()).stream()
                    .filter(m -> m.tenantId().equals(token.tenantId()))
                    .map(Membership::role)
                    .collect(Collectors.toUnmodifiableSet());
        };
    }
}
