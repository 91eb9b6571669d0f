package app.confidant.keyceremony;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One recorded token backup: who recorded it, why, the archive and its hash, and the keys its restored copy holds. */
@Entity
@Table(name = "key_backup")
public class KeyBackup {

    static final String VERIFIED = "VERIFIED";
    static final String PARTIAL = "PARTIAL";

    @Id
    private UUID id;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private UUID recordedBy;

    @Column(name = "recorded_by_name", nullable = false, updatable = false)
    private String recordedByName;

    @Column(nullable = false, updatable = false)
    private String archive;

    @Column(nullable = false, updatable = false)
    private String sha256;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "key_backup_key", joinColumns = @JoinColumn(name = "backup_id"))
    private List<BackedUpKey> keys = new ArrayList<>();

    protected KeyBackup() {
        // for JPA
    }

    KeyBackup(Instant at, UUID by, String byName, String archive, String sha256, String reason,
            BackupComparison comparison) {
        this.id = UUID.randomUUID();
        this.recordedAt = at;
        this.recordedBy = by;
        this.recordedByName = byName;
        this.archive = archive;
        this.sha256 = sha256;
        this.reason = reason;
        this.outcome = comparison.complete() ? VERIFIED : PARTIAL;
        this.keys = new ArrayList<>(comparison.keys());
    }

    UUID id() {
        return id;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    UUID recordedBy() {
        return recordedBy;
    }

    String recordedByName() {
        return recordedByName;
    }

    String archive() {
        return archive;
    }

    String sha256() {
        return sha256;
    }

    String reason() {
        return reason;
    }

    String outcome() {
        return outcome;
    }

    List<BackedUpKey> keys() {
        return List.copyOf(keys);
    }
}
