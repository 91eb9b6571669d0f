package app.confidant.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** A security training module; its current version is the one people must have attested. */
@Entity
@Table(name = "training_module")
public class TrainingModule {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String content;

    @Column(nullable = false)
    private String audience;

    @Column(name = "validity_days", nullable = false)
    private int validityDays;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    private UUID publishedBy;

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected TrainingModule() {
        // for JPA
    }

    TrainingModule(String title, String content, Set<String> audience, int validityDays, UUID publishedBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.title = title;
        this.version = 1;
        this.content = content;
        this.audience = String.join(",", new TreeSet<>(audience));
        this.validityDays = validityDays;
        this.publishedBy = publishedBy;
        this.publishedAt = now;
    }

    /** A new version: every attestation of an earlier one is stale from now on. */
    void revise(String newContent, Set<String> newAudience, int newValidityDays, UUID by, Instant now) {
        version++;
        content = newContent;
        audience = String.join(",", new TreeSet<>(newAudience));
        validityDays = newValidityDays;
        publishedBy = by;
        publishedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public int version() {
        return version;
    }

    public String content() {
        return content;
    }

    public Set<String> audience() {
        return Arrays.stream(audience.split(",")).filter(r -> !r.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public int validityDays() {
        return validityDays;
    }

    public Duration validity() {
        return Duration.ofDays(validityDays);
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
