package app.confidant.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A creating request already carried out under this key, by this caller, in this tenant. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey {

    /** (tenant, caller, key). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID tenantId;
        private UUID callerId;
        private String idemKey;

        public Key() {
        }

        Key(UUID tenantId, UUID callerId, String idemKey) {
            this.tenantId = tenantId;
            this.callerId = callerId;
            this.idemKey = idemKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(callerId, k.callerId)
                    && Objects.equals(idemKey, k.idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, callerId, idemKey);
        }
    }

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Id
    @Column(name = "caller_id")
    private UUID callerId;

    @Id
    @Column(name = "idem_key")
    private String idemKey;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(nullable = false)
    private String resource;

    @Column(name = "resource_id", nullable = false)
    private UUID resourceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyKey() {
        // for JPA
    }

    IdempotencyKey(Key key, String requestHash, String resource, UUID resourceId, Instant now) {
        this.tenantId = key.tenantId;
        this.callerId = key.callerId;
        this.idemKey = key.idemKey;
        this.requestHash = requestHash;
        this.resource = resource;
        this.resourceId = resourceId;
        this.createdAt = now;
    }

    boolean expiredAt(Instant now, Duration lifetime) {
        return !now.isBefore(createdAt.plus(lifetime));
    }

    /** Reuses an expired key's row for a new request (the key is the primary key). */
    void renew(String newRequestHash, String newResource, UUID newResourceId, Instant now) {
        requestHash = newRequestHash;
        resource = newResource;
        resourceId = newResourceId;
        createdAt = now;
    }

    /** The HSM-keyed fingerprint of the request (hex), never a bare hash. */
    String requestHash() {
        return requestHash;
    }

    String resource() {
        return resource;
    }

    UUID resourceId() {
        return resourceId;
    }
}
