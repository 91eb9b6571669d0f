package app.confidant.security;

import app.confidant.audit.ReadOnly;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Read-only findings about the people of the caller's tenant for the security self-audit: no MFA, dormant people. */
@ApplicationScoped
@Transactional
@RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR}) // the security report's identity control
public class IdentityReviewService {

    @Inject
    IdentityRepository identities;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    /** Active people who have no second factor enrolled. */
    @ReadOnly
    public List<String> withoutMfa() {
        return activePeople().stream().filter(u -> !u.mfaEnabled()).map(UserAccount::username).toList();
    }

    /** Active people who have not logged in for longer than {@code idle} (or never, since being created). */
    @ReadOnly
    public List<String> dormant(Duration idle) {
        Instant cutoff = clock.instant().minus(idle);
        return activePeople().stream()
                .filter(u -> (u.lastLoginAt() == null ? u.createdAt() : u.lastLoginAt()).isBefore(cutoff))
                .map(UserAccount::username).toList();
    }

    private List<UserAccount> activePeople() {
        return identities.membersOf(scope.tenant()).stream().filter(u -> !u.disabled()).toList();
    }
}
