package app.confidant.security;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * User and role administration with separation of duties: nobody grants roles to themselves, and
 * SECURITY_ADMIN or KEY_CUSTODIAN never sit on one user together with an invoice role. Within the tenant boundary:
 * an administrator manages the people of their own tenant (created there or holding a role there) and grants roles
 * in their own tenant only; a platform administrator may also appoint (or remove) a tenant's SECURITY_ADMIN.
 * Anything outside that answers 404, like an unknown id. Privileged roles, MFA resets and disabling or enabling an
 * administrator happen only with an {@link Approval} a second administrator gave (see {@link ApprovalService}).
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Roles.SECURITY_ADMIN)
public class UserAdminService {

    /** A person's one-time activation code, handed out once (only its hash is kept) with its expiry. */
    public record NewActivation(UUID id, String username, String code, Instant expiresAt) {
    }

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
    TenantService tenants;

    @Inject
    Tenants tenantRows;

    @Inject
    TenantScope scope;

    @Inject
    Clock clock;

    /** How long an activation code stays valid (ISO-8601 duration); 72 hours unless configured. */
    @Inject
    @ConfigProperty(name = "confidant.activation.lifetime", defaultValue = "PT72H")
    String activationLifetime;

    /**
     * A person of the administrator's tenant (their home tenant), without a password: the answer carries a one-time
     * activation code with which the person sets their own, so no administrator ever knows it.
     */
    @Audited(value = "user.create", target = "user")
    public NewActivation createUser(Caller admin, String username) {
        String name = username.strip().toLowerCase();
        if (identities.userForUpdate(name).isPresent()) {
            throw SecurityException.conflict("username-taken", "That username is taken.");
        }
        UserAccount user = new UserAccount(name, clock.instant());
        user.homeTenant(scope.tenant());
        NewActivation activation = newActivation(user);
        identities.add(user);
        identities.flush();
        return activation;
    }

    /** A fresh activation code for a person who has not activated yet; the earlier code stops working. */
    @Audited(value = "user.activation.reissue", target = "user")
    public NewActivation reissueActivation(Caller admin, UUID userId) {
        UserAccount user = manageable(userId);
        if (user.activated()) {
            throw SecurityException.conflict("already-activated",
                    "This person has set their password already; a forgotten one is not reset by activation.");
        }
        return newActivation(user);
    }

    private NewActivation newActivation(UserAccount user) {
        String code = Secrets.newActivationCode();
        Instant expiresAt = clock.instant().plus(Duration.parse(activationLifetime));
        user.newActivation(Secrets.activationHash(code), expiresAt);
        return new NewActivation(user.id(), user.username(), code, expiresAt);
    }

    /**
     * Creates the first security administrator (of the platform tenant) if there are no users at all; false if there
     * are. Its generated password works once: the first login only changes it.
     */
    @Audited(value = "user.bootstrap", target = "user")
    @PermitAll // called once at start by BootstrapAdministrator, with no caller; does nothing once a user exists
    public boolean bootstrap(String username, char[] password) {
        if (identities.userCount() > 0) {
            return false;
        }
        UserAccount user = new UserAccount(username, clock.instant());
        user.homeTenant(TenantScope.PLATFORM);
        user.generatedPassword(passwords.hash(password));
        identities.add(user);
        identities.flush();
        identities.add(new Membership(user.id(), UserAccount.IDENTITY_TENANT, Roles.SECURITY_ADMIN, null,
                clock.instant()));
        return true;
    }

    /** A role that needs no second administrator (privileged ones go through {@link ApprovalService}). */
    @Audited(value = "role.grant", target = "user")
    public void grant(Caller admin, UUID userId, UUID tenantId, String role) {
        if (Roles.FOUR_EYES_ROLES.contains(role)) {
            throw approvalRequired();
        }
        addRole(admin, userId, tenantId, role);
    }

    /** A privileged role, carried out by the approval's transaction once a second administrator approved. */
    @Audited(value = "role.grant", target = "user")
    public void grantApproved(Caller approver, UUID userId, UUID tenantId, String role, Approval approval) {
        if (!approval.approves(Approval.Action.GRANT_ROLE, userId) || !role.equals(approval.role())
                || !tenantId.equals(approval.roleTenantId())) {
            throw approvalRequired();
        }
        addRole(approver, userId, tenantId, role);
    }

    /** Everything a grant checks, without granting: a proposal is refused when the grant would be. */
    @ReadOnly
    public void checkGrant(Caller admin, UUID userId, UUID tenantId, String role) {
        validGrant(admin, userId, tenantId, role, false);
    }

    /**
     * The bootstrap exception: while the platform's only security administrator has not yet appointed a second,
     * they may appoint one directly (once; from then on every privileged act needs two).
     */
    @ReadOnly
    public boolean bootstrapExceptionApplies(UUID tenantId, String role) {
        return scope.platform() && TenantScope.PLATFORM.equals(tenantId) && Roles.SECURITY_ADMIN.equals(role)
                && tenantRows.find(TenantScope.PLATFORM).map(Tenant::bootstrapOpen).orElse(false)
                && platformAdministrators() == 1;
    }

    @Audited(value = "role.grant.bootstrap-exception", target = "user")
    public void appointSecondPlatformAdministrator(Caller admin, UUID userId) {
        Tenant platform = tenantRows.forUpdate(TenantScope.PLATFORM).orElseThrow();
        if (!bootstrapExceptionApplies(TenantScope.PLATFORM, Roles.SECURITY_ADMIN)) {
            throw approvalRequired();
        }
        addRole(admin, userId, TenantScope.PLATFORM, Roles.SECURITY_ADMIN);
        platform.closeBootstrap(clock.instant());
    }

    private long platformAdministrators() {
        return identities.membershipsIn(TenantScope.PLATFORM).stream()
                .filter(m -> Roles.SECURITY_ADMIN.equals(m.role())).count();
    }

    private void addRole(Caller admin, UUID userId, UUID tenantId, String role) {
        validGrant(admin, userId, tenantId, role, true);
        if (identities.membership(userId, tenantId, role).isEmpty()) {
            identities.add(new Membership(userId, tenantId, role, admin.userId(), clock.instant()));
        }
    }

    private void validGrant(Caller admin, UUID userId, UUID tenantId, String role, boolean lock) {
        if (!Roles.ALL.contains(role)) {
            throw SecurityException.badRequest("unknown-role", "Unknown role; one of " + Roles.ALL + ".");
        }
        if (admin.userId().equals(userId)) {
            throw SecurityException.conflict("self-grant", "Nobody grants roles to themselves.");
        }
        requireGrantable(tenantId, role);
        tenants.requireActive(tenantId);
        UserAccount user = lock ? manageable(userId) : visible(userId);
        Set<String> held = identities.memberships(user.id()).stream().map(Membership::role)
                .collect(Collectors.toCollection(HashSet::new));
        held.add(role);
        String conflict = conflictRule(held);
        if (conflict != null) {
            throw SecurityException.conflict("separation-of-duties", conflict);
        }
    }

    @Audited(value = "role.revoke", target = "user")
    public void revoke(Caller admin, UUID userId, UUID tenantId, String role) {
        if (admin.userId().equals(userId)) {
            throw SecurityException.conflict("self-grant", "Nobody changes their own roles.");
        }
        requireGrantable(tenantId, role);
        manageable(userId);
        identities.membership(userId, tenantId, role).ifPresent(identities::remove);
        tokens.revokeAll(userId);
    }

    /** Only under four eyes: {@code approval} approves this reset. */
    @Audited(value = "mfa.reset", target = "user")
    public void resetMfa(Caller admin, UUID userId, Approval approval) {
        if (!approval.approves(Approval.Action.RESET_MFA, userId)) {
            throw approvalRequired();
        }
        UserAccount user = manageableBy(admin, userId);
        user.resetMfa();
        identities.removeRecoveryCodes(userId);
        tokens.revokeAll(userId);
    }

    /** The people a proposal about a person may name: of the caller's tenant, never the caller. */
    @ReadOnly
    public void checkManageable(Caller admin, UUID userId) {
        if (admin.userId().equals(userId)) {
            throw SecurityException.conflict("self-grant", "Nobody administers their own account.");
        }
        visible(userId);
    }

    /**
     * Whether disabling or enabling the user needs a second administrator: they hold SECURITY_ADMIN or
     * KEY_CUSTODIAN.
     */
    @ReadOnly
    public boolean needsApproval(UUID userId) {
        visible(userId);
        return administrator(userId);
    }

    /** Disables the user and revokes every token; an administrator only with {@code approval} (else null). */
    @Audited(value = "user.disable", target = "user")
    public void disable(Caller admin, UUID userId, Approval approval) {
        UserAccount user = manageableBy(admin, userId);
        if (administrator(userId) && (approval == null || !approval.approves(Approval.Action.DISABLE_USER, userId))) {
            throw approvalRequired();
        }
        user.disable();
        tokens.revokeAll(userId);
    }

    /** Enables the user again; an administrator only with {@code approval} (else null). */
    @Audited(value = "user.enable", target = "user")
    public void enable(Caller admin, UUID userId, Approval approval) {
        UserAccount user = manageableBy(admin, userId);
        if (administrator(userId) && (approval == null || !approval.approves(Approval.Action.ENABLE_USER, userId))) {
            throw approvalRequired();
        }
        user.enable();
    }

    private boolean administrator(UUID userId) {
        return identities.memberships(userId).stream().map(Membership::role).anyMatch(Roles.ADMIN_ROLES::contains);
    }

    private UserAccount manageableBy(Caller admin, UUID userId) {
        if (admin.userId().equals(userId)) {
            throw SecurityException.conflict("self-grant", "Nobody administers their own account.");
        }
        return manageable(userId);
    }

    private static SecurityException approvalRequired() {
        return SecurityException.conflict("approval-required",
                "This needs a second security administrator: propose it and have it approved.");
    }

    /**
     * Every person of the caller's tenant whose roles break separation of duties (refused at assignment; listed for
     * auditors). Their roles in every tenant count, as they do at assignment.
     */
    @ReadOnly
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR}) // and the security report
    public List<Conflict> conflicts() {
        Set<UUID> members = identities.membersOf(scope.tenant()).stream().map(UserAccount::id)
                .collect(Collectors.toSet());
        Map<UUID, Set<String>> rolesByUser = identities.allMemberships().stream()
                .filter(m -> members.contains(m.userId())).collect(Collectors.groupingBy(
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

    /**
     * Roles are granted in the caller's own tenant; a platform administrator may also appoint a tenant's security
     * administrators. Any other tenant is answered like an unknown one.
     */
    private void requireGrantable(UUID tenantId, String role) {
        boolean own = scope.owns(tenantId);
        boolean appointment = scope.platform() && Roles.SECURITY_ADMIN.equals(role);
        if (!own && !appointment) {
            throw SecurityException.notFound("Tenant");
        }
    }

    private UserAccount visible(UUID userId) {
        if (!identities.memberOf(userId, scope.tenant())) {
            throw SecurityException.notFound("User");
        }
        return identities.user(userId).orElseThrow(() -> SecurityException.notFound("User"));
    }

    /** The user, locked, if the caller's tenant may manage them; else 404 as for an unknown id. */
    private UserAccount manageable(UUID userId) {
        if (!identities.memberOf(userId, scope.tenant())) {
            throw SecurityException.notFound("User");
        }
        return identities.userForUpdate(userId).orElseThrow(() -> SecurityException.notFound("User"));
    }

    static String conflictRule(Set<String> roles) {
        if (roles.containsAll(Roles.ADMIN_ROLES)) {
            return "SECURITY_ADMIN and KEY_CUSTODIAN are never held by one person (in any tenants)";
        }
        boolean admin = roles.stream().anyMatch(Roles.ADMIN_ROLES::contains);
        boolean invoice = roles.stream().anyMatch(Roles.INVOICE_ROLES::contains);
        return admin && invoice ? "SECURITY_ADMIN and KEY_CUSTODIAN cannot be combined with invoice roles" : null;
    }
}
