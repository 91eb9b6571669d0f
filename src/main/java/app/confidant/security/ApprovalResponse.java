package app.confidant.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposal as security administrators and auditors see it. {@code targetId}: the user acted on, or for
 * CREATE_TENANT the id the tenant will have once approved. {@code state} is EXPIRED once a pending one is past
 * {@code expiresAt}.
 */
public record ApprovalResponse(UUID id, UUID tenantId, Approval.Action action, UUID targetId, String role,
        UUID roleTenantId, String displayName, String reason, String state, UUID proposedBy, Instant proposedAt,
        Instant expiresAt, UUID decidedBy, Instant decidedAt) {

    static ApprovalResponse of(Approval a, Instant now) {
        return new ApprovalResponse(a.id(), a.tenantId(), a.action(), a.targetId(), a.role(), a.roleTenantId(),
                a.displayName(), a.reason(), a.stateAt(now), a.proposedBy(), a.proposedAt(), a.expiresAt(),
                a.decidedBy(), a.decidedAt());
    }
}
