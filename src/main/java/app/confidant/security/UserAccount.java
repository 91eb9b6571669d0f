package app.confidant.security;

import app.confidant.crypto.SealedEntity;
import app.confidant.crypto.SealingContext;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * A person who logs in. The TOTP secret is sealed in the HSM; the password is a PBKDF2 hash the person chose: a user
 * is created without one and sets it with a one-time activation code (only its SHA-256 kept, with an expiry).
 */
@Entity
@Table(name = "user_account")
public class UserAccount extends SealedEntity {

    /** Identity data is sealed with keys of its own, apart from every customer tenant's. */
    public static final UUID IDENTITY_TENANT = new UUID(0L, 1L);
    static final int LOCKOUT_THRESHOLD = 5;
    private static final String TOTP_SECRET = "totpSecret";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String username;

    /** Null until the person activates the account with their own password. */
    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "activation_code_hash")
    private String activationCodeHash;

    @Column(name = "activation_expires_at")
    private Instant activationExpiresAt;

    /** The password was generated (the bootstrap administrator's): the first login only changes it. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @Column(name = "mfa_enabled", nullable = false)
    private boolean mfaEnabled;

    @Column(name = "last_totp_step")
    private Long lastTotpStep;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** The tenant the person was created in: its security administrators manage them (with the tenants of roles). */
    @Column(name = "home_tenant_id", nullable = false, updatable = false)
    private UUID homeTenantId;

    protected UserAccount() {
        // for JPA
    }

    /** A person who has yet to activate the account (no password; see {@link #newActivation}). */
    public UserAccount(String username, Instant now) {
        this.id = UUID.randomUUID();
        this.username = Objects.requireNonNull(username);
        this.createdAt = now;
        this.homeTenantId = IDENTITY_TENANT;
        totpSecret(null);
    }

    @Override
    protected SealingContext sealingContext() {
        return new SealingContext("user", id, IDENTITY_TENANT);
    }

    /** The TOTP secret is opened only to check a code against it, never shown: no read to audit. */
    @Override
    protected boolean openedForCallers() {
        return false;
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    /** A new password of one's own; a generated one no longer needs changing. */
    void passwordHash(String hash) {
        passwordHash = Objects.requireNonNull(hash);
        mustChangePassword = false;
    }

    /** A generated password the person must change at first login (the bootstrap administrator's). */
    void generatedPassword(String hash) {
        passwordHash = Objects.requireNonNull(hash);
        mustChangePassword = true;
    }

    public boolean activated() {
        return passwordHash != null;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** A fresh activation code (its hash) replaces any earlier one; only for a person who has not activated. */
    void newActivation(String codeHash, Instant expiresAt) {
        if (activated()) {
            throw new IllegalStateException("already activated");
        }
        activationCodeHash = Objects.requireNonNull(codeHash);
        activationExpiresAt = Objects.requireNonNull(expiresAt);
    }

    /** Whether {@code codeHash} is this account's unused, unexpired activation code (constant-time comparison). */
    boolean activationMatches(String codeHash, Instant now) {
        return !activated() && activationCodeHash != null && now.isBefore(activationExpiresAt)
                && MessageDigest.isEqual(activationCodeHash.getBytes(StandardCharsets.US_ASCII),
                codeHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sets the person's own password and uses the code up; the failure count starts again (the code was right). */
    void activate(String hash) {
        passwordHash(hash);
        activationCodeHash = null;
        activationExpiresAt = null;
        failedLogins = 0;
    }

    public boolean mfaEnabled() {
        return mfaEnabled;
    }

    public boolean disabled() {
        return disabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public UUID homeTenantId() {
        return homeTenantId;
    }

    /** Set once, before the user is first stored. */
    void homeTenant(UUID tenant) {
        homeTenantId = Objects.requireNonNull(tenant);
    }

    byte[] totpSecret() {
        String encoded = sensitive(TOTP_SECRET);
        return encoded == null ? null : Base64.getDecoder().decode(encoded);
    }

    void totpSecret(byte[] secret) {
        sensitive(TOTP_SECRET, secret == null ? null : Base64.getEncoder().encodeToString(secret));
    }

    void enableMfa(long firstStep) {
        mfaEnabled = true;
        lastTotpStep = firstStep;
    }

    void disable() {
        disabled = true;
    }

    void enable() {
        disabled = false;
    }

    void resetMfa() {
        mfaEnabled = false;
        lastTotpStep = null;
        totpSecret(null);
    }

    /** Records a used time step; false if it (or a later one) was used already: a replayed code. */
    boolean useTotpStep(long step) {
        if (lastTotpStep != null && step <= lastTotpStep) {
            return false;
        }
        lastTotpStep = step;
        return true;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a failed factor (a wrong password, TOTP code, recovery code or enrolment code: one counter for all);
     * from the fifth on, locks for 1, 2, 4 … minutes, at most one hour. True if this failure locked the account.
     */
    boolean loginFailed(Instant now) {
        failedLogins++;
        if (failedLogins >= LOCKOUT_THRESHOLD) {
            long minutes = Math.min(60, 1L << Math.min(6, failedLogins - LOCKOUT_THRESHOLD));
            lockedUntil = now.plus(Duration.ofMinutes(minutes));
            return true;
        }
        return false;
    }

    /**
     * A completed login: the password of a user without MFA, or the second factor. A right password alone does not
     * reset the count when a second factor follows, or a password holder could guess codes four at a time.
     */
    void loginSucceeded(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    int failedLogins() {
        return failedLogins;
    }
}
