package app.confidant.keyceremony;

import app.confidant.crypto.BackupCoverage;
import java.time.Instant;
import java.util.UUID;

/**
 * A ceremony as custodians and auditors see it; it names people by user name and id, never holds key material.
 * {@code keyLabel} is the key object a GENERATE or AUDIT_KEY ceremony created; such a ceremony is DONE once carried
 * out but {@code complete} only when a verified backup holds that key ({@code backedUpIn}); until then
 * {@code backupRequired} is true.
 */
public record CeremonyResponse(UUID id, CeremonyKind kind, UUID tenantId, String purpose, Integer version,
        String reason, String state, UUID proposedBy, String proposedByName, Instant proposedAt, Instant expiresAt,
        UUID decidedBy, String decidedByName, Instant decidedAt, String outcome, String keyLabel,
        boolean backupRequired, UUID backedUpIn, boolean complete) {

    /** {@code backup}: the newest verified backup holding the created key, or null. */
    static CeremonyResponse of(KeyCeremony c, BackupCoverage.Covered backup) {
        boolean done = KeyCeremony.DONE.equals(c.state());
        boolean required = done && c.keyLabel() != null && backup == null;
        return new CeremonyResponse(c.id(), c.kind(), c.tenantId(), c.purpose(), c.keyVersion(), c.reason(), c.state(),
                c.proposedBy(), c.proposedByName(), c.proposedAt(), c.expiresAt(), c.decidedBy(), c.decidedByName(),
                c.decidedAt(), c.outcome(), c.keyLabel(), required, backup == null ? null : backup.backupId(),
                done && !required);
    }

    /** A proposal whose approval window has passed. */
    CeremonyResponse expired() {
        return new CeremonyResponse(id, kind, tenantId, purpose, version, reason, KeyCeremony.EXPIRED, proposedBy,
                proposedByName, proposedAt, expiresAt, null, null, null, null, null, false, null, false);
    }
}
