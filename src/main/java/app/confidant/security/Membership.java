package app.confidant.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One role of one user in one tenant. */
@Entity
@Table(name = "membership")
@IdClass(Membership.Key.class)
public class Membership {

    /** Composite key of a membership (a class with fields named as the ids, as JPA requires). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID userId;
        private UUID tenantId;
        private String role;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(userId, k.userId)
                    && java.util.Objects.equals(tenantId, k.tenantId) && java.util.Objects.equals(role, k.role);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(userId, tenantId, role);
        }
    }

    @Id
    @Column(name = "user_id")
    private UUID userId;

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Id
    private String role;

    @Column(name = "granted_by")
    private UUID grantedBy;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected Membership() {
        // for JPA
    }

    public Membership(UUID userId, UUID tenantId, String role, UUID grantedBy, Instant now) {
        this.userId = userId;
        this.tenantId = tenantId;
        this.role = role;
        this.grantedBy = grantedBy;
        this.grantedAt = now;
    }

    public UUID userId() {
        return userId;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String role() {
        return role;
    }

    public Instant grantedAt() {
        return grantedAt;
    }
}
