package app.confidant.security;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * User and role administration with separation of duties: nobody grants roles to themselves, and
 * SECURITY_ADMIN or KEY_CUSTODIAN never sit on one user together with an invoice role.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Roles.SECURITY_ADMIN)
public class UserAdminService {

    /** A user holding conflicting roles (possible only through data written around this service). */
    public record Conflict(UUID userId, String username, Set<String> roles, String rule) {
    }

    @Inject
    IdentityRepository identities;

    @Inject
    PasswordHasher passwords;

    @Inject
    TokenStore tokens;

    @Inject
    Clock clock;

    @Audited(value = "user.create", target = "user")
    public UserAccount createUser(String username, char[] password) {
        String name = username.strip().toLowerCase();
        if (identities.userForUpdate(name).isPresent()) {
            throw SecurityException.conflict("username-taken", "That username is taken.");
        }
        UserAccount user = new UserAccount(name, passwords.hash(password), clock.instant());
        identities.add(user);
        identities.flush();
        return user;
    }

    /** Creates the first security administrator if there are no users at all; false if there are. */
    @Audited(value = "user.bootstrap", target = "user")
    @PermitAll // called once at start by BootstrapAdministrator, with no caller; does nothing once a user exists
    public boolean bootstrap(String username, char[] password) {
        if (identities.userCount() > 0) {
            return false;
        }
        UserAccount user = createUser(username, password);
        identities.add(new Membership(user.id(), UserAccount.IDENTITY_TENANT, Roles.SECURITY_ADMIN, null,
                clock.instant()));
        return true;
    }

    @Audited(value = "role.grant", target = "user")
    public void grant(Caller admin, UUID userId, UUID tenantId, String role) {
        if (!Roles.ALL.contains(role)) {
            throw SecurityException.badRequest("unknown-role", "Unknown role; one of " + Roles.ALL + ".");
        }
        if (admin.userId().equals(userId)) {
            throw SecurityException.conflict("self-grant", "Nobody grants roles to themselves.");
        }
        UserAccount user = identities.userForUpdate(userId).orElseThrow(() -> SecurityException.notFound("User"));
        Set<String> held = identities.memberships(user.id()).stream().map(Membership::role)
                .collect(Collectors.toCollection(HashSet::new));
        held.add(role);
        String conflict = conflictRule(held);
        if (conflict != null) {
            throw SecurityException.conflict("separation-of-duties", conflict);
        }
        if (identities.membership(userId, tenantId, role).isEmpty()) {
            identities.add(new Membership(userId, tenantId, role, admin.userId(), clock.instant()));
        }
    }

    @Audited(value = "role.revoke", target = "user")
    public void revoke(Caller admin, UUID userId, UUID tenantId, String role) {
        if (admin.userId().equals(userId)) {
            throw SecurityException.conflict("self-grant", "Nobody changes their own roles.");
        }
        identities.membership(userId, tenantId, role).ifPresent(identities::remove);
        tokens.revokeAll(userId);
    }

    @Audited(value = "mfa.reset", target = "user")
    public void resetMfa(Caller admin, UUID userId) {
        if (admin.userId().equals(userId)) {
            throw SecurityException.conflict("self-grant", "Nobody resets their own second factor.");
        }
        UserAccount user = identities.userForUpdate(userId).orElseThrow(() -> SecurityException.notFound("User"));
        user.resetMfa();
        identities.removeRecoveryCodes(userId);
        tokens.revokeAll(userId);
    }

    /** Every user whose roles break separation of duties (refused at assignment; listed for auditors). */
    @ReadOnly
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR}) // and the security report
    public List<Conflict> conflicts() {
        Map<UUID, Set<String>> rolesByUser = identities.allMemberships().stream().collect(Collectors.groupingBy(
                Membership::userId, Collectors.mapping(Membership::role, Collectors.toSet())));
        List<Conflict> conflicts = new ArrayList<>();
        rolesByUser.forEach((userId, roles) -> {
            String rule = conflictRule(roles);
            if (rule != null) {
                String name = identities.user(userId).map(UserAccount::username).orElse("?");
                conflicts.add(new Conflict(userId, name, roles, rule));
            }
        });
        return conflicts;
    }

    static String conflictRule(Set<String> roles) {
        boolean admin = roles.stream().anyMatch(Roles.ADMIN_ROLES::contains);
        boolean invoice = roles.stream().anyMatch(Roles.INVOICE_ROLES::contains);
        return admin && invoice ? "SECURITY_ADMIN and KEY_CUSTODIAN cannot be combined with invoice roles" : null;
    }
}
