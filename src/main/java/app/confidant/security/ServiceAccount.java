package app.confidant.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An internal application that authenticates with a client certificate: the SHA-256 of the certificate's DER
 * encoding, one role in one tenant. Revoking keeps the row, so the certificate cannot come back.
 */
@Entity
@Table(name = "service_account")
public class ServiceAccount {

    /** Prefix of a service account's caller name, so that it never looks like a person's username. */
    static final String NAME_PREFIX = "svc:";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private String role;

    @Column(name = "cert_sha256", nullable = false, updatable = false)
    private String certSha256;

    @Column(name = "cert_subject", nullable = false, updatable = false)
    private String certSubject;

    @Column(name = "cert_not_after", nullable = false, updatable = false)
    private Instant certNotAfter;

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ServiceAccount() {
        // for JPA
    }

    ServiceAccount(String name, UUID tenantId, String role, ClientCertificate certificate, UUID createdBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.tenantId = tenantId;
        this.role = role;
        this.certSha256 = certificate.sha256();
        this.certSubject = certificate.subject();
        this.certNotAfter = certificate.notAfter();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Registered and not revoked, and the certificate has not expired. */
    boolean usableAt(Instant now) {
        return revokedAt == null && !now.isAfter(certNotAfter);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** The caller this account stands for. Never stepped up: service accounts have no second factor. */
    Caller caller() {
        return new Caller(id, NAME_PREFIX + name, tenantId, Set.of(role), false, null);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String role() {
        return role;
    }

    public String certSha256() {
        return certSha256;
    }

    public String certSubject() {
        return certSubject;
    }

    public Instant certNotAfter() {
        return certNotAfter;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
