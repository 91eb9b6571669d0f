package app.confidant.keyceremony;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One proposed key ceremony and its decision: who proposed, why, until when, who approved or cancelled it. */
@Entity
@Table(name = "key_ceremony")
public class KeyCeremony {

    static final String PROPOSED = "PROPOSED";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";
    static final String EXPIRED = "EXPIRED";

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private CeremonyKind kind;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Column(name = "key_version", updatable = false)
    private Integer keyVersion;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(nullable = false)
    private String state;

    @Column(name = "proposed_by", nullable = false, updatable = false)
    private UUID proposedBy;

    @Column(name = "proposed_by_name", nullable = false, updatable = false)
    private String proposedByName;

    @Column(name = "proposed_at", nullable = false, updatable = false)
    private Instant proposedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "decided_by")
    private UUID decidedBy;

    @Column(name = "decided_by_name")
    private String decidedByName;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column
    private String outcome;

    /** The key object the ceremony created (GENERATE, AUDIT_KEY): complete once a verified backup holds it. */
    @Column(name = "key_label")
    private String keyLabel;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected KeyCeremony() {
        // for JPA
    }

    KeyCeremony(CeremonyRequest request, UUID proposedBy, String proposedByName, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.kind = request.kind();
        this.tenantId = request.tenantId();
        this.purpose = request.purpose().name();
        this.keyVersion = request.version();
        this.reason = request.reason();
        this.state = PROPOSED;
        this.proposedBy = proposedBy;
        this.proposedByName = proposedByName;
        this.proposedAt = now;
        this.expiresAt = expiresAt;
    }

    void decide(String newState, UUID by, String byName, Instant at, String result) {
        decide(newState, by, byName, at, result, null);
    }

    void decide(String newState, UUID by, String byName, Instant at, String result, String createdKey) {
        this.keyLabel = createdKey;
        this.state = newState;
        this.decidedBy = by;
        this.decidedByName = byName;
        this.decidedAt = at;
        this.outcome = result;
    }

    public UUID id() {
        return id;
    }

    CeremonyKind kind() {
        return kind;
    }

    UUID tenantId() {
        return tenantId;
    }

    String purpose() {
        return purpose;
    }

    Integer keyVersion() {
        return keyVersion;
    }

    String reason() {
        return reason;
    }

    String state() {
        return state;
    }

    UUID proposedBy() {
        return proposedBy;
    }

    String proposedByName() {
        return proposedByName;
    }

    Instant proposedAt() {
        return proposedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    UUID decidedBy() {
        return decidedBy;
    }

    String decidedByName() {
        return decidedByName;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    String outcome() {
        return outcome;
    }

    String keyLabel() {
        return keyLabel;
    }
}
