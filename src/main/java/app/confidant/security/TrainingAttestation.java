package app.confidant.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person's statement that they completed one version of a training module; never changed afterwards. */
@Entity
@Table(name = "training_attestation")
public class TrainingAttestation {

    @Id
    private UUID id;

    @Column(name = "module_id", nullable = false, updatable = false)
    private UUID moduleId;

    @Column(name = "module_version", nullable = false, updatable = false)
    private int moduleVersion;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(name = "attested_at", nullable = false, updatable = false)
    private Instant attestedAt;

    protected TrainingAttestation() {
        // for JPA
    }

    TrainingAttestation(UUID moduleId, int moduleVersion, UUID userId, Instant now) {
        this.id = UUID.randomUUID();
        this.moduleId = moduleId;
        this.moduleVersion = moduleVersion;
        this.userId = userId;
        this.attestedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID moduleId() {
        return moduleId;
    }

    public int moduleVersion() {
        return moduleVersion;
    }

    public UUID userId() {
        return userId;
    }

    public Instant attestedAt() {
        return attestedAt;
    }
}
