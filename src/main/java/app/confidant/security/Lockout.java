package app.confidant.security;

import app.confidant.audit.Actor;
import app.confidant.audit.AuditEntry;
import app.confidant.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Every factor counts against lockout: a wrong password, TOTP code, recovery code or enrolment code counts on the
 * account (five lock it, with back-off) and on the client address ({@link LoginAttempts}). A lock reached through a
 * second factor also revokes every token of the user: whoever guessed had the password. Callers run in a
 * transaction that a {@link SecurityException} does not roll back, so the counts survive the refusal.
 */
@ApplicationScoped
class Lockout {

    @Inject
    LoginAttempts attempts;

    @Inject
    TokenStore tokens;

    @Inject
    AuditLog audit;

    @Inject
    AuthenticationEvents events;

    @Inject
    Clock clock;

    /** Refuses a check of a factor from a blocked address (429) or for a locked account (401, even the right code). */
    void checkAllowed(UserAccount user, String action, String address) {
        attempts.checkAllowed(address);
        if (user.lockedAt(clock.instant())) {
            audit.append(events.factor(user, action, AuditEntry.FAILURE, "locked"));
            throw SecurityException.invalidCode();
        }
    }

    /** Counts a wrong second-factor or enrolment code, audits it, and returns the refusal to throw. */
    SecurityException factorFailed(UserAccount user, String action, String address, String detail) {
        boolean locked = user.loginFailed(clock.instant());
        audit.append(events.factor(user, action, AuditEntry.FAILURE, detail));
        if (locked) {
            tokens.revokeAll(user.id());
            audit.append(events.factor(user, "mfa.lockout", AuditEntry.FAILURE, action));
        }
        addressFailed(address);
        return SecurityException.invalidCode();
    }

    /** Counts a failure on the client address; the one failure that blocks it is audited. */
    void addressFailed(String address) {
        if (attempts.failed(address)) {
            audit.append(events.addressBlocked(Actor.ANONYMOUS, address, attempts.maxFailures()));
        }
    }

    /** A second factor passed: the account's count starts again. */
    void factorSucceeded(UserAccount user, String action) {
        user.loginSucceeded(clock.instant());
        audit.append(events.factor(user, action, AuditEntry.SUCCESS, "verified"));
    }
}
