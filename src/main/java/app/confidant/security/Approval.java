package app.confidant.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One proposed privileged act and its decision (four eyes): what, on whom, why, who proposed it and until when, and
 * which different security administrator of the same tenant approved or rejected it.
 */
@Entity
@Table(name = "approval")
public class Approval {

    /** The acts that need a second security administrator. */
    public enum Action { GRANT_ROLE, RESET_MFA, DISABLE_USER, ENABLE_USER, CREATE_TENANT }

    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String EXPIRED = "EXPIRED";
    static final int MAX_REASON = 500;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Action action;

    @Column(name = "target_id", nullable = false, updatable = false)
    private UUID targetId;

    @Column(updatable = false)
    private String role;

    @Column(name = "role_tenant_id", updatable = false)
    private UUID roleTenantId;

    @Column(name = "display_name", updatable = false)
    private String displayName;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(nullable = false)
    private String state;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private UUID proposedBy;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Approval() {
        // for JPA
    }

    Approval(UUID tenantId, ApprovalService.Proposal proposal, UUID proposedBy, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.action = proposal.action();
        this.targetId = proposal.targetId();
        this.role = proposal.role();
        this.roleTenantId = proposal.roleTenantId();
        this.displayName = proposal.displayName();
        this.reason = proposal.reason();
        this.state = PENDING;
        this.proposedBy = proposedBy;
        this.proposedAt = now;
        this.expiresAt = expiresAt;
    }

    void decide(String newState, UUID by, Instant at) {
        state = newState;
        decidedBy = by;
        decidedAt = at;
    }

    /** Whether this is an approved {@code action} (what the acting services ask before they act). */
    boolean approves(Action wanted, UUID target) {
        return APPROVED.equals(state) && action == wanted && targetId.equals(target);
    }

    boolean pending() {
        return PENDING.equals(state);
    }

    /** The state as seen now: a pending approval past its expiry is EXPIRED (nothing needs to run to expire it). */
    String stateAt(Instant now) {
        return pending() && !now.isBefore(expiresAt) ? EXPIRED : state;
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Action action() {
        return action;
    }

    public UUID targetId() {
        return targetId;
    }

    public String role() {
        return role;
    }

    public UUID roleTenantId() {
        return roleTenantId;
    }

    public String displayName() {
        return displayName;
    }

    public String reason() {
        return reason;
    }

    public UUID proposedBy() {
        return proposedBy;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public UUID decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
