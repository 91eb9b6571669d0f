package app.confidant.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A bearer token as the server knows it: the SHA-256 of the random token (the token itself exists only with the
 * client), whose user, which tenant, how far through the login it is, and its timeouts.
 */
@Entity
@Table(name = "access_token")
public class AccessToken {

    /** How far a login got: a token only opens what its stage allows. */
    public enum Stage { PASSWORD_CHANGE, ENROLMENT, MFA_PENDING, AUTHENTICATED }

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(8);
    static final Duration STEP_UP_WINDOW = Duration.ofMinutes(5);
    /**
     * Use is recorded to the minute: a request within a minute of the recorded use writes nothing, so an active
     * session does not cost every request a database write and commit (#20). The idle timeout can thus end a token
     * up to a minute early (14 to 15 minutes after its last use), never late.
     */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    @Id
    @Column(name = "token_hash")
    private byte[] tokenHash;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "mfa_verified_at")
    private Instant mfaVerifiedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected AccessToken() {
        // for JPA
    }

    AccessToken(byte[] tokenHash, UUID userId, UUID tenantId, Stage stage, Instant now) {
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.tenantId = tenantId;
        this.stage = stage;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = now.plus(ABSOLUTE_TIMEOUT);
    }

    byte[] tokenHash() {
        return tokenHash.clone();
    }

    public UUID userId() {
        return userId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Stage stage() {
        return stage;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Usable now: not revoked, not idle for 15 minutes, younger than 8 hours. */
    boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(IDLE_TIMEOUT));
    }

    /**
     * Use refreshes the idle timer (to the minute, {@link #USE_RESOLUTION}) of a token past its second factor only: a token in PASSWORD_CHANGE, ENROLMENT or MFA_PENDING must
     * finish within 15 minutes of the login, however often it is used (so guesses never keep it alive).
     */
    void used(Instant now) {
        if (stage == Stage.AUTHENTICATED && !now.isBefore(lastUsedAt.plus(USE_RESOLUTION))) {
            lastUsedAt = now;
        }
    }

    /** The generated password was changed: the login goes on to the second factor (enrolment, as a rule). */
    void passwordChanged(Stage next) {
        if (stage == Stage.PASSWORD_CHANGE) {
            stage = next;
        }
    }

    void secondFactorVerified(Instant now) {
        stage = Stage.AUTHENTICATED;
        mfaVerifiedAt = now;
        lastUsedAt = now;
    }

    /** An MFA check younger than five minutes, as approving, revealing or administering requires. */
    boolean steppedUpAt(Instant now) {
        return mfaVerifiedAt != null && now.isBefore(mfaVerifiedAt.plus(STEP_UP_WINDOW));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
