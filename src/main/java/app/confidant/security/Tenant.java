package app.confidant.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A registered tenant: roles are granted only in an ACTIVE one; SHRED makes it SHREDDED for good. */
@Entity
@Table(name = "tenant")
public class Tenant {

    public static final String ACTIVE = "ACTIVE";
    public static final String SHREDDED = "SHREDDED";

    @Id
    private UUID id;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String state;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    /** When the bootstrap exception (the platform's only administrator appoints a second) was used; platform only. */
    @Column(name = "bootstrap_closed_at")
    private Instant bootstrapClosedAt;

    protected Tenant() {
        // for JPA
    }

    Tenant(UUID id, String displayName, UUID createdBy, Instant now) {
        this.id = id;
        this.displayName = displayName;
        this.state = ACTIVE;
        this.createdAt = now;
        this.createdBy = createdBy;
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String state() {
        return state;
    }

    public boolean active() {
        return ACTIVE.equals(state);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID createdBy() {
        return createdBy;
    }

    boolean bootstrapOpen() {
        return bootstrapClosedAt == null;
    }

    void closeBootstrap(Instant now) {
        bootstrapClosedAt = now;
    }

    void shredded() {
        state = SHREDDED;
    }
}
