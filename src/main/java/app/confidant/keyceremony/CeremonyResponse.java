package app.confidant.keyceremony;

import java.time.Instant;
import java.util.UUID;

/** A ceremony as custodians and auditors see it; it names people by user name and id, never holds key material. */
public record CeremonyResponse(UUID id, CeremonyKind kind, UUID tenantId, String purpose, Integer version,
        String reason, String state, UUID proposedBy, String proposedByName, Instant proposedAt, Instant expiresAt,
        UUID decidedBy, String decidedByName, Instant decidedAt, String outcome) {

    static CeremonyResponse of(KeyCeremony c) {
        return new CeremonyResponse(c.id(), c.kind(), c.tenantId(), c.purpose(), c.keyVersion(), c.reason(), c.state(),
                c.proposedBy(), c.proposedByName(), c.proposedAt(), c.expiresAt(), c.decidedBy(), c.decidedByName(),
                c.decidedAt(), c.outcome());
    }
}
