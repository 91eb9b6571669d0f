package app.confidant.security;

import app.confidant.audit.Audited;
import app.confidant.audit.ReadOnly;
import app.confidant.audit.Reasons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Four eyes on privilege, in the spirit of EJBCA's approval profiles: one security administrator proposes a
 * privileged act with a reason, a different security administrator of the same tenant (who is not its target)
 * approves it before it expires, and the act is then carried out in the approval's transaction after every
 * precondition is checked again. Proposal, approval and rejection are each an audit event; the act keeps its own.
 * An approval belongs to the proposer's tenant; another tenant's answers like an unknown one (404).
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Roles.SECURITY_ADMIN)
public class ApprovalService {

    static final int MAX_PAGE = 200;

    /** What a proposal asks for; {@code validForSeconds} may shorten (never lengthen) the configured lifetime. */
    public record Proposal(Approval.Action action, UUID targetId, String role, UUID roleTenantId, String displayName,
            String reason, Long validForSeconds) {

        public static Proposal grant(UUID userId, UUID tenantId, String role, String reason, Long validFor) {
            return new Proposal(Approval.Action.GRANT_ROLE, userId, role, tenantId, null, reason, validFor);
        }

        public static Proposal about(Approval.Action action, UUID userId, String reason, Long validFor) {
            return new Proposal(action, userId, null, null, null, reason, validFor);
        }

        public static Proposal tenant(UUID tenantId, String displayName, String reason, Long validFor) {
            return new Proposal(Approval.Action.CREATE_TENANT, tenantId == null ? UUID.randomUUID() : tenantId, null,
                    null, displayName == null ? null : displayName.strip(), reason, validFor);
        }
    }

    @Inject
    Approvals approvals;

    @Inject
    UserAdminService users;

    @Inject
    IdentityRepository identities;

    @Inject
    TenantService tenants;

    @Inject
    TenantScope scope;

    @Inject
    CallerContext callers;

    @Inject
    Reasons reasons;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "confidant.approvals.lifetime", defaultValue = "PT24H")
    Duration lifetime;

    /** Checks the act as it would be checked if carried out now, and records it as PENDING. */
    @Audited(value = "approval.propose", target = "approval")
    public Approval propose(Proposal proposal) {
        Caller caller = callers.require();
        UUID tenant = scope.tenant();
        tenants.requireActive(tenant);
        switch (proposal.action()) {
            case GRANT_ROLE -> users.checkGrant(caller, proposal.targetId(), proposal.roleTenantId(), proposal.role());
            case RESET_MFA, DISABLE_USER, ENABLE_USER -> users.checkManageable(caller, proposal.targetId());
            case CREATE_TENANT -> {
                scope.requirePlatform();
                tenants.checkNew(proposal.targetId(), proposal.displayName());
            }
        }
        requireReason(proposal.reason()); // after the checks: another tenant's id answers 404 with or without one
        Instant now = clock.instant();
        Duration validFor = proposal.validForSeconds() == null || proposal.validForSeconds() <= 0 ? lifetime
                : min(lifetime, Duration.ofSeconds(proposal.validForSeconds()));
        Approval approval = new Approval(tenant, proposal, caller.userId(), now, now.plus(validFor));
        approvals.add(approval);
        return approval;
    }

    /** A different security administrator, not the target, approves: the act is carried out now or not at all. */
    @Audited(value = "approval.approve", target = "approval")
    public Approval approve(UUID id) {
        Caller caller = callers.require();
        Approval approval = pending(id);
        reasons.put(approval.reason()); // the act's own audit event carries the proposal's reason
        if (approval.proposedBy().equals(caller.userId()) || approval.targetId().equals(caller.userId())) {
            throw SecurityException.conflict("four-eyes", "A different security administrator of this tenant, who is "
                    + "neither its proposer nor its target, must approve this.");
        }
        requireProposerStillAdministrator(approval);
        approval.decide(Approval.APPROVED, caller.userId(), clock.instant());
        UUID target = approval.targetId();
        switch (approval.action()) {
            case GRANT_ROLE -> users.grantApproved(caller, target, approval.roleTenantId(), approval.role(), approval);
            case RESET_MFA -> users.resetMfa(caller, target, approval);
            case DISABLE_USER -> users.disable(caller, target, approval);
            case ENABLE_USER -> users.enable(caller, target, approval);
            case CREATE_TENANT -> tenants.create(approval);
        }
        approvals.flush();
        return approval;
    }

    /** Any security administrator of the tenant may turn a pending proposal down (its proposer withdraws it so). */
    @Audited(value = "approval.reject", target = "approval")
    public Approval reject(UUID id) {
        Caller caller = callers.require();
        Approval approval = pending(id);
        approval.decide(Approval.REJECTED, caller.userId(), clock.instant());
        approvals.flush();
        return approval;
    }

    @ReadOnly
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    public Approval get(UUID id) {
        return approvals.find(id).filter(a -> scope.owns(a.tenantId()))
                .orElseThrow(() -> SecurityException.notFound("Approval"));
    }

    /** The caller's tenant's approvals, pending first. */
    @ReadOnly
    @RolesAllowed({Roles.SECURITY_ADMIN, Roles.AUDITOR})
    public List<Approval> list(int offset, int limit) {
        return approvals.page(scope.tenant(), Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE));
    }

    private Approval pending(UUID id) {
        Approval approval = approvals.lock(id).filter(a -> scope.owns(a.tenantId()))
                .orElseThrow(() -> SecurityException.notFound("Approval"));
        if (!approval.pending()) {
            throw SecurityException.conflict("approval-decided", "This approval was decided already.");
        }
        if (!clock.instant().isBefore(approval.expiresAt())) {
            throw SecurityException.conflict("approval-expired", "This proposal has expired; propose it again.");
        }
        tenants.requireActive(approval.tenantId());
        return approval;
    }

    /** Two administrators must stand behind the act when it happens: the proposer too, still enabled and in office. */
    private void requireProposerStillAdministrator(Approval approval) {
        boolean inOffice = identities.membership(approval.proposedBy(), approval.tenantId(), Roles.SECURITY_ADMIN)
                .isPresent() && identities.user(approval.proposedBy()).filter(u -> !u.disabled()).isPresent();
        if (!inOffice) {
            throw SecurityException.conflict("proposer-withdrawn", "Its proposer is no longer an enabled security "
                    + "administrator of this tenant; propose it again.");
        }
    }

    static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw SecurityException.badRequest("reason-required",
                    "A privileged act needs a reason (header X-Reason).");
        }
        if (reason.length() > Approval.MAX_REASON) {
            throw SecurityException.badRequest("reason-too-long", "A reason has at most " + Approval.MAX_REASON
                    + " characters.");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
