package app.confidant.security;

import app.confidant.audit.AuditEntry;
import app.confidant.audit.AuditLog;
import app.confidant.audit.Audited;
import app.confidant.audit.AuditsItself;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Password login, the second factor (TOTP or a recovery code), MFA enrolment and logout. The answer to a failed
 * login is the same whether the user is unknown, the password wrong or the account locked. Every factor counts
 * against the account's lockout and the client address's limit ({@link Lockout}); a refusal does not roll back
 * the transaction, so the counts and the audit events survive it.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SecurityException.class)
public class LoginService {

    static final int RECOVERY_CODES = 10;

    /** What enrolment hands out once: the secret for manual entry and the otpauth:// URI for a QR code. */
    public record Enrolment(String secret, String otpauthUri) {
    }

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

    @AuditsItself
    @PreAuthentication
    public TokenStore.Issued login(String username, char[] password, UUID tenantId, String clientAddress) {
        attempts.checkAllowed(clientAddress);
        Instant now = clock.instant();
        try {
            UserAccount user = identities.userForUpdate(username).orElse(null);
            boolean passwordOk = passwords.verify(password, user == null ? null : user.passwordHash());
            if (user == null || user.disabled() || user.lockedAt(now) || !passwordOk) {
                boolean wasLocked = user != null && user.lockedAt(now);
                boolean locks = user != null && !wasLocked && user.loginFailed(now);
                lockout.addressFailed(clientAddress);
                audit.append(events.login(user, username, locks ? "login.lockout" : "login", AuditEntry.FAILURE,
                        wasLocked ? "locked" : "bad-credentials"));
                throw SecurityException.invalidCredentials();
            }
            if (!user.mfaEnabled()) {
                user.loginSucceeded(now); // with MFA the count starts again only once the second factor is given
            }
            UUID tenant = tenantFor(user, tenantId);
            AccessToken.Stage stage = user.mustChangePassword() ? AccessToken.Stage.PASSWORD_CHANGE
                    : user.mfaEnabled() ? AccessToken.Stage.MFA_PENDING : AccessToken.Stage.ENROLMENT;
            audit.append(events.login(user, username, "login", AuditEntry.SUCCESS, stage.name()));
            return tokens.issue(user, tenant, stage);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Accepts a TOTP code once per time step; also refreshes the step-up window of a logged-in caller. */
    @AuditsItself
    @RolesAllowed({Roles.MFA_PENDING, Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR,
            Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN})
    public void verifyTotp(Caller caller, String code, String clientAddress) {
        UserAccount user = lockedUser(caller);
        lockout.checkAllowed(user, "mfa.verify", clientAddress);
        OptionalLong step = user.mfaEnabled() ? Totp.matchingStep(user.totpSecret(), code, clock.instant())
                : OptionalLong.empty();
        if (step.isEmpty() || !user.useTotpStep(step.getAsLong())) {
            throw lockout.factorFailed(user, "mfa.verify", clientAddress, step.isEmpty() ? "wrong-code" : "reused-code");
        }
        secondFactorPassed(user, caller, "mfa.verify");
    }

    @AuditsItself
    @RolesAllowed({Roles.MFA_PENDING, Roles.CLERK, Roles.APPROVER, Roles.ACCOUNTANT, Roles.AUDITOR,
            Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN})
    public void recover(Caller caller, String recoveryCode, String clientAddress) {
        UserAccount user = lockedUser(caller);
        lockout.checkAllowed(user, "mfa.recover", clientAddress);
        String normalised = recoveryCode == null ? "" : recoveryCode.strip().toUpperCase();
        boolean used = user.mfaEnabled() && identities.recoveryCode(user.id(), Secrets.sha256Hex(normalised))
                .map(code -> code.use(clock.instant())).orElse(false);
        if (!used) {
            throw lockout.factorFailed(user, "mfa.recover", clientAddress, "wrong-code");
        }
        secondFactorPassed(user, caller, "mfa.recover");
    }

    @Audited(value = "mfa.enrol.begin", target = "user")
    @RolesAllowed(Roles.MFA_ENROLMENT)
    public Enrolment beginEnrolment(Caller caller) {
        UserAccount user = lockedUser(caller);
        if (user.mfaEnabled()) {
            throw SecurityException.conflict("mfa-already-enrolled", "MFA is enrolled already.");
        }
        byte[] secret = Secrets.randomBytes(20);
        user.totpSecret(secret);
        String base32 = Totp.base32(secret);
        String label = URLEncoder.encode("Confidant:" + user.username(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32
                + "&issuer=Confidant&algorithm=SHA1&digits=6&period=30");
    }

    /** Confirms enrolment with a first code; returns the ten recovery codes, shown this once. */
    @AuditsItself
    @RolesAllowed(Roles.MFA_ENROLMENT)
    public List<String> confirmEnrolment(Caller caller, String code, String clientAddress) {
        UserAccount user = lockedUser(caller);
        lockout.checkAllowed(user, "mfa.enrol", clientAddress);
        byte[] secret = user.totpSecret();
        OptionalLong step = user.mfaEnabled() || secret == null ? OptionalLong.empty()
                : Totp.matchingStep(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw lockout.factorFailed(user, "mfa.enrol", clientAddress, "wrong-code");
        }
        user.enableMfa(step.getAsLong());
        identities.removeRecoveryCodes(user.id());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = Secrets.newRecoveryCode();
            codes.add(recovery);
            identities.add(new RecoveryCode(user.id(), Secrets.sha256Hex(recovery)));
        }
        secondFactorPassed(user, caller, "mfa.enrol");
        return codes;
    }

    /** Ends a token; a service account has none (it authenticates on every request), so there is nothing to end. */
    @Audited(value = "token.revoke", target = "token")
    @RolesAllowed({Roles.PASSWORD_CHANGE, Roles.MFA_PENDING, Roles.MFA_ENROLMENT, Roles.CLERK, Roles.APPROVER,
            Roles.ACCOUNTANT, Roles.AUDITOR, Roles.SECURITY_ADMIN, Roles.KEY_CUSTODIAN, Roles.INTEGRATION})
    public void logout(Caller caller) {
        if (caller.tokenHash() != null) {
            tokens.revoke(caller.tokenHash());
        }
    }

    private void secondFactorPassed(UserAccount user, Caller caller, String action) {
        lockout.factorSucceeded(user, action);
        tokens.stored(caller.tokenHash()).secondFactorVerified(clock.instant());
    }

    private UserAccount lockedUser(Caller caller) {
        return identities.userForUpdate(caller.userId()).orElseThrow(SecurityException::invalidCredentials);
    }

    /** The tenant the token works in: the one asked for (if the user belongs to it), or the user's only one. */
    private UUID tenantFor(UserAccount user, UUID requested) {
        List<UUID> tenants = identities.memberships(user.id()).stream().map(Membership::tenantId).distinct().toList();
        if (requested != null) {
            if (!tenants.contains(requested)) {
                throw SecurityException.invalidCredentials();
            }
            return requested;
        }
        if (tenants.size() > 1) {
            throw SecurityException.badRequest("tenant-required",
                    "This user works for several tenants; say which one with tenantId.");
        }
        return tenants.isEmpty() ? null : tenants.get(0);
    }
}
