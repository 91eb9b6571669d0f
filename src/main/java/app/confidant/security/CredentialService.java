package app.confidant.security;

import app.confidant.audit.AuditEntry;
import app.confidant.audit.AuditLog;
import app.confidant.audit.AuditsItself;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * People own their credentials: a person activates their account with the one-time code an administrator handed
 * them, choosing their own password, and changes it later with the current one and a fresh second factor. Wrong
 * codes and passwords count against the account's lockout and the client address's limit like any failed login; a
 * refusal does not roll back the transaction, so the counts and the audit events survive it.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SecurityException.class)
public class CredentialService {

    @Inject
    IdentityRepository identities;

    @Inject
    PasswordHasher passwords;

    @Inject
    TokenStore tokens;

    @Inject
    LoginAttempts attempts;

    @Inject
    Lockout lockout;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    AuthenticationEvents events;

    /**
     * Sets the person's own password and uses the code up. An unknown user, a wrong, used or expired code, an
     * activated or locked account all get one answer ({@code activation-invalid}), so the answer tells nothing.
     */
    @AuditsItself
    @PreAuthentication
    public void activate(String username, String code, char[] password, String clientAddress) {
        attempts.checkAllowed(clientAddress);
        Instant now = clock.instant();
        try {
            String hash = passwords.hash(password); // the policy first, for everyone alike: it says nothing of the code
            UserAccount user = identities.userForUpdate(username).orElse(null);
            boolean wasLocked = user != null && user.lockedAt(now);
            if (user == null || user.disabled() || wasLocked || !user.activationMatches(Secrets.activationHash(code), now)) {
                boolean locks = user != null && !wasLocked && user.loginFailed(now);
                lockout.addressFailed(clientAddress);
                audit.append(events.login(user, username, locks ? "user.activate.lockout" : "user.activate",
                        AuditEntry.FAILURE, wasLocked ? "locked" : "invalid-code"));
                throw SecurityException.activationInvalid();
            }
            user.activate(hash);
            audit.append(events.login(user, username, "user.activate", AuditEntry.SUCCESS, "password-set"));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Changes the caller's own password: the current one and a fresh TOTP code (both counted when wrong), or, for
     * the generated password of a first login (stage PASSWORD_CHANGE), the current one alone, since no second factor
     * is enrolled yet; that token then goes on to MFA enrolment. Every other token of the person is revoked.
     */
    @AuditsItself
    @RolesAllowed({Roles.PASSWORD_CHANGE, Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR,
            Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN})
    public void changePassword(Caller caller, char[] current, char[] next, String code, String clientAddress) {
        try {
            boolean generated = caller.roles().contains(Roles.PASSWORD_CHANGE);
            if (!generated && (code == null || code.isBlank())) {
                throw SecurityException.badRequest("code-required",
                        "Changing a password needs a fresh code of your authenticator app in \"code\".");
            }
            String hash = passwords.hash(next); // the policy first: it says nothing of the current password
            UserAccount user = identities.userForUpdate(caller.userId())
                    .orElseThrow(SecurityException::invalidCredentials);
            lockout.checkAllowed(user, "password.change", clientAddress);
            if (!passwords.verify(current, user.passwordHash())) {
                lockout.factorFailed(user, "password.change", clientAddress, "wrong-password");
                throw SecurityException.invalidCredentials();
            }
            if (!generated) {
                requireFreshCode(user, code, clientAddress);
            }
            if (Arrays.equals(current, next)) {
                throw SecurityException.badRequest("password-unchanged", "The new password must differ from the current one.");
            }
            user.passwordHash(hash);
            user.loginSucceeded(clock.instant());
            tokens.revokeAllBut(user.id(), caller.tokenHash());
            if (generated) {
                tokens.stored(caller.tokenHash()).passwordChanged(
                        user.mfaEnabled() ? AccessToken.Stage.MFA_PENDING : AccessToken.Stage.ENROLMENT);
            }
            audit.append(events.factor(user, "password.change", AuditEntry.SUCCESS,
                    generated ? "generated-password-replaced" : "changed"));
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
    }

    private void requireFreshCode(UserAccount user, String code, String clientAddress) {
        OptionalLong step = user.mfaEnabled() ? Totp.matchingStep(user.totpSecret(), code, clock.instant())
                : OptionalLong.empty();
        if (step.isEmpty() || !user.useTotpStep(step.getAsLong())) {
            throw lockout.factorFailed(user, "password.change", clientAddress,
                    step.isEmpty() ? "wrong-code" : "reused-code");
        }
    }
}
